"use client";

import { useCallback, useRef } from "react";
import { useReactFlow } from "@xyflow/react";
import { toast } from "@/components/ui/toaster";
import type { GraphNode, WorkflowGraph } from "@/lib/engine/graph";
import { autoLayout } from "./auto-layout";
import { copySelection, pasteClipboard, type ClipboardContent } from "./clipboard";
import { connect, deleteElements, insertAfter, insertOnEdge, pruneDanglingEdges, setPositions, updateNode } from "./graph-commands";
import type { JsonGraphCatalog } from "./json-catalog";
import { createNode } from "./node-factory";
import { chainEnd, makeRoom, rightOf } from "./placement";
import type { CatalogEntry, ConnectionSummary } from "./types";
import type { EditorGraph } from "./use-editor-graph";

export type InsertTarget = { edgeId: string } | null;

/** Every editing command of the editor, bound to its state; all callbacks are stable. */
export function useEditorActions(editor: EditorGraph, catalog: JsonGraphCatalog, readOnly: boolean, insertTargetRef: { current: InsertTarget }, connections: readonly ConnectionSummary[] = []) {
  const { apply, select, graphRef } = editor;
  const flow = useReactFlow();
  const clipboard = useRef<ClipboardContent | undefined>(undefined);
  const selectedIds = useCallback(() => new Set(flow.getNodes().filter((n) => n.selected).map((n) => n.id)), [flow]);

  /** A trigger already exists: picking another trigger changes what starts the workflow. */
  const replaceTrigger = useCallback(
    (entry: CatalogEntry, graph: WorkflowGraph) => {
      const trigger = graph.nodes.find((n) => n.kind === "trigger");
      if (!trigger || trigger.kind !== "trigger") return false;
      const oldLabel = catalog.entry(trigger.triggerKey)?.label;
      apply((g) => updateNode(g, trigger.id, (n) => ({ ...n, triggerKey: entry.key, label: n.label === oldLabel ? entry.label : n.label }) as GraphNode));
      select([trigger.id]);
      toast.info("Trigger changed", `The workflow now starts when: ${entry.label}`);
      return true;
    },
    [apply, catalog, select],
  );

  const insertEntry = useCallback(
    (entry: CatalogEntry) => {
      if (readOnly) return;
      const graph = graphRef.current;
      if (entry.kind === "trigger" && replaceTrigger(entry, graph)) return;
      const target = insertTargetRef.current;
      const edge = target ? graph.edges.find((e) => e.id === target.edgeId) : undefined;
      insertTargetRef.current = null;
      if (edge) {
        const source = graph.nodes.find((n) => n.id === edge.source);
        const node = createNode(entry, graph, rightOf(source), connections);
        apply((g) => makeRoom(insertOnEdge(g, edge.id, node), node.id));
        select([node.id]);
        return;
      }
      const ids = selectedIds();
      const after = entry.kind === "trigger" ? undefined : ids.size === 1 ? graph.nodes.find((n) => ids.has(n.id)) : chainEnd(graph);
      const position = entry.kind === "trigger" ? { x: Math.min(0, ...graph.nodes.map((n) => n.position.x)) - 300, y: 0 } : rightOf(after);
      const node = createNode(entry, graph, position, connections);
      apply((g) => makeRoom(insertAfter(g, node, after?.id), node.id));
      select([node.id]);
    },
    [apply, connections, graphRef, insertTargetRef, readOnly, replaceTrigger, select, selectedIds],
  );

  const dropEntry = useCallback(
    (entry: CatalogEntry, position: { x: number; y: number }) => {
      if (readOnly) return;
      const graph = graphRef.current;
      if (entry.kind === "trigger" && replaceTrigger(entry, graph)) return;
      const node = createNode(entry, graph, { x: Math.round(position.x - 120), y: Math.round(position.y - 30) }, connections);
      apply((g) => ({ ...g, nodes: [...g.nodes, node] }));
      select([node.id]);
    },
    [apply, connections, graphRef, readOnly, replaceTrigger, select],
  );

  const deleteSelected = useCallback(() => {
    if (readOnly) return;
    const nodeIds = [...selectedIds()];
    const edgeIds = flow.getEdges().filter((e) => e.selected).map((e) => e.id);
    apply((g) => deleteElements(g, nodeIds, edgeIds));
  }, [apply, flow, readOnly, selectedIds]);

  const copy = useCallback(() => {
    const content = copySelection(graphRef.current, selectedIds());
    if (content) clipboard.current = content;
    return Boolean(content);
  }, [graphRef, selectedIds]);

  const paste = useCallback(() => {
    const content = clipboard.current;
    if (readOnly || !content) return;
    // Ids are deterministic for a given graph, so the preview run tells which ones to select.
    const { pastedIds } = pasteClipboard(graphRef.current, content);
    apply((g) => pasteClipboard(g, content).graph);
    // Each paste lands a little further off, like repeated pastes in a drawing tool.
    clipboard.current = { ...content, nodes: content.nodes.map((n) => ({ ...n, position: { x: n.position.x + 40, y: n.position.y + 40 } })) };
    select(pastedIds);
  }, [apply, graphRef, readOnly, select]);

  const layout = useCallback(async () => {
    if (readOnly) return;
    const sizes = new Map(flow.getNodes().map((n) => [n.id, { width: n.measured?.width ?? 240, height: n.measured?.height ?? 76 }]));
    const positions = await autoLayout(graphRef.current, sizes);
    apply((g) => setPositions(g, positions));
    requestAnimationFrame(() => void flow.fitView({ padding: 0.2, duration: 300 }));
  }, [apply, flow, graphRef, readOnly]);

  return {
    insertEntry,
    dropEntry,
    deleteSelected,
    copy,
    cut: useCallback(() => copy() && deleteSelected(), [copy, deleteSelected]),
    paste,
    layout,
    selectAll: useCallback(() => select(graphRef.current.nodes.map((n) => n.id)), [graphRef, select]),
    connect: useCallback((source: string, handle: string, target: string) => apply((g) => connect(g, source, handle, target)), [apply]),
    changeNode: useCallback((node: GraphNode, key?: string) => apply((g) => pruneDanglingEdges(updateNode(g, node.id, () => node), node.id), key), [apply]),
  };
}
