/**
 * Copy/paste of a selection. Pasted nodes get fresh ids, and references between pasted
 * nodes follow them, so a copied "find contact → update contact" pair stays wired.
 */
import type { GraphEdge, GraphNode, WorkflowGraph } from "@/lib/engine/graph";
import { edgeId } from "./graph-commands";
import { uniqueNodeId } from "./node-factory";

export type ClipboardContent = { nodes: GraphNode[]; edges: GraphEdge[] };

export const PASTE_OFFSET = 40;

/** The selected nodes and the edges between them. The trigger is never copied (one per workflow). */
export function copySelection(graph: WorkflowGraph, nodeIds: ReadonlySet<string>): ClipboardContent | undefined {
  const nodes = graph.nodes.filter((n) => nodeIds.has(n.id) && n.kind !== "trigger");
  if (nodes.length === 0) return undefined;
  const ids = new Set(nodes.map((n) => n.id));
  return { nodes, edges: graph.edges.filter((e) => ids.has(e.source) && ids.has(e.target)) };
}

export function pasteClipboard(graph: WorkflowGraph, clip: ClipboardContent, offset = PASTE_OFFSET): { graph: WorkflowGraph; pastedIds: string[] } {
  const taken = new Set(graph.nodes.map((n) => n.id));
  const idMap = new Map<string, string>();
  for (const node of clip.nodes) {
    const id = uniqueNodeId(node.id.replace(/_\d+$/, ""), taken);
    taken.add(id);
    idMap.set(node.id, id);
  }
  const nodes = clip.nodes.map((node) => ({
    ...(remapRefs(node, idMap) as GraphNode),
    id: idMap.get(node.id) as string,
    position: { x: node.position.x + offset, y: node.position.y + offset },
  }));
  let next: WorkflowGraph = { ...graph, nodes: [...graph.nodes, ...nodes] };
  for (const edge of clip.edges) {
    const source = idMap.get(edge.source) as string;
    const target = idMap.get(edge.target) as string;
    const handle = edge.sourceHandle ?? "out";
    const copy: GraphEdge = { id: edgeId(next, source, handle, target), source, target, ...(edge.sourceHandle ? { sourceHandle: edge.sourceHandle } : {}) };
    next = { ...next, edges: [...next.edges, copy] };
  }
  return { graph: next, pastedIds: nodes.map((n) => n.id) };
}

/** Deep copy with `{ kind: "ref", node }` pointing at renamed nodes. */
export function remapRefs(value: unknown, idMap: ReadonlyMap<string, string>): unknown {
  if (Array.isArray(value)) return value.map((v) => remapRefs(v, idMap));
  if (value === null || typeof value !== "object") return value;
  const record = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(record)) out[key] = remapRefs(child, idMap);
  if (record.kind === "ref" && typeof record.node === "string" && idMap.has(record.node)) out.node = idMap.get(record.node);
  return out;
}
