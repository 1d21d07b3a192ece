"use client";

import { useEffect, useState } from "react";
import { validateGraph, type ValidationIssue, type ValidationResult, type WorkflowGraph } from "@/lib/engine/graph";
import type { NodeIssueSummary } from "./editor-context";
import type { JsonGraphCatalog } from "./json-catalog";
import type { KeyedStore } from "./keyed-store";

const EMPTY: ValidationResult = { ok: true, errors: [], warnings: [] };

/** Per-node badge data from one validation result. */
export function summarizeByNode(result: ValidationResult): Record<string, NodeIssueSummary> {
  const out: Record<string, NodeIssueSummary> = {};
  const add = (issue: ValidationIssue, key: "errors" | "warnings") => {
    if (!issue.nodeId) return;
    const entry = (out[issue.nodeId] ??= { errors: [], warnings: [] });
    entry[key].push(issue.message);
  };
  result.errors.forEach((i) => add(i, "errors"));
  result.warnings.forEach((i) => add(i, "warnings"));
  return out;
}

/**
 * Validates on the client after edits settle (validation walks every mapping, so it is
 * debounced on big graphs) and feeds the node badges through their store. A null catalog
 * (schemas of some step still loading) keeps the last result.
 */
export function useValidation(graph: WorkflowGraph, catalog: JsonGraphCatalog | null, store: KeyedStore<NodeIssueSummary>): ValidationResult {
  const [result, setResult] = useState<ValidationResult>(EMPTY);
  useEffect(() => {
    if (!catalog) return;
    const delay = graph.nodes.length > 100 ? 250 : 60;
    const timer = setTimeout(() => {
      const next = validateGraph(graph, catalog);
      store.setAll(summarizeByNode(next));
      setResult(next);
    }, delay);
    return () => clearTimeout(timer);
  }, [graph, catalog, store]);
  return result;
}

/** Messages of one node by field (`inputs.email` → ["…needs a value…"]). */
export function issuesByField(result: ValidationResult, nodeId: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of [...result.errors, ...result.warnings]) {
    if (issue.nodeId !== nodeId || !issue.field) continue;
    (out[issue.field] ??= []).push(issue.message);
  }
  return out;
}
