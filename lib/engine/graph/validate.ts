/**
 * `validateGraph` reports every problem at once, so the canvas can mark all of them and a
 * publish can be refused with the full list. Errors block publishing; warnings do not.
 */
import type { GraphCatalog } from "./catalog";
import { IssueCollector, type ValidationResult } from "./issues";
import { createOutputResolver } from "./node-outputs";
import { workflowGraphSchema, type WorkflowGraph } from "./schema";
import { dominators, indexGraph, triggerOf, upstreamOf } from "./topology";
import { checkNode } from "./validate-nodes";
import { checkStructure } from "./validate-structure";

export function validateGraph(input: WorkflowGraph | unknown, catalog: GraphCatalog): ValidationResult {
  const issues = new IssueCollector();
  const parsed = workflowGraphSchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      issues.error("invalid_graph", `${issue.path.join(".") || "graph"}: ${issue.message}`, { nodeId: nodeIdAt(input, issue.path) });
    }
    return issues.result();
  }
  // Validate the caller's object when it already parsed, so the topology cache is shared.
  const graph = input as WorkflowGraph;
  const { nodes } = indexGraph(graph);
  const name = (id: string) => nodes.get(id)?.label.trim() || id;

  const upstreamCache = new Map<string, Set<string>>();
  const { acyclic } = checkStructure(graph, issues, name);
  const trigger = triggerOf(graph);
  const ctx = {
    graph,
    issues,
    outputs: createOutputResolver(graph, catalog),
    dominators: acyclic && trigger ? dominators(graph, trigger.id) : undefined,
    name,
    upstream: (id: string) => {
      let set = upstreamCache.get(id);
      if (!set) upstreamCache.set(id, (set = upstreamOf(graph, id)));
      return set;
    },
  };
  for (const node of graph.nodes) checkNode(ctx, catalog, node);
  return issues.result();
}

function nodeIdAt(input: unknown, path: readonly PropertyKey[]): string | undefined {
  if (path[0] !== "nodes" || typeof path[1] !== "number") return undefined;
  const nodes = (input as { nodes?: unknown[] } | null)?.nodes;
  const node = Array.isArray(nodes) ? nodes[path[1]] : undefined;
  const id = (node as { id?: unknown } | undefined)?.id;
  return typeof id === "string" ? id : undefined;
}
