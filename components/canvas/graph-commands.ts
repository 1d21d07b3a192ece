/**
 * Every edit the canvas makes, as pure functions graph → graph. Unchanged nodes keep their
 * object identity, which is what lets memoized nodes skip re-rendering.
 */
import { outputHandles, type GraphEdge, type GraphNode, type WorkflowGraph } from "@/lib/engine/graph";
import { checkConnection } from "./connection-rules";

export const NODE_GAP_X = 300;

export function edgeId(graph: WorkflowGraph, source: string, handle: string, target: string): string {
  const base = `e_${source}_${handle}_${target}`;
  const taken = new Set(graph.edges.map((e) => e.id));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}_${n}`)) return `${base}_${n}`;
}

function makeEdge(graph: WorkflowGraph, source: string, handle: string, target: string): GraphEdge {
  return { id: edgeId(graph, source, handle, target), source, target, ...(handle === "out" ? {} : { sourceHandle: handle }) };
}

export function connect(graph: WorkflowGraph, source: string, handle: string, target: string): WorkflowGraph {
  if (!checkConnection(graph, { source, target, sourceHandle: handle }).ok) return graph;
  return { ...graph, edges: [...graph.edges, makeEdge(graph, source, handle, target)] };
}

/**
 * Adds `node` after `afterId` on `handle` (its first output by default). Steps that
 * followed on that output now follow the new node, so inserting keeps the chain intact.
 */
export function insertAfter(graph: WorkflowGraph, node: GraphNode, afterId?: string, handle?: string): WorkflowGraph {
  const after = afterId ? graph.nodes.find((n) => n.id === afterId) : undefined;
  const withNode = { ...graph, nodes: [...graph.nodes, node] };
  if (!after || node.kind === "trigger") return withNode;
  const outHandle = handle ?? outputHandles(after)[0];
  const moved = graph.edges.filter((e) => e.source === after.id && (e.sourceHandle ?? "out") === outHandle);
  const kept = graph.edges.filter((e) => !moved.includes(e));
  const newOut = outputHandles(node)[0];
  let next: WorkflowGraph = { ...withNode, edges: kept };
  next = { ...next, edges: [...next.edges, makeEdge(next, after.id, outHandle, node.id)] };
  for (const edge of moved) next = { ...next, edges: [...next.edges, makeEdge(next, node.id, newOut, edge.target)] };
  return next;
}

/** Splits an edge: source → node → target. */
export function insertOnEdge(graph: WorkflowGraph, edgeIdToSplit: string, node: GraphNode): WorkflowGraph {
  const edge = graph.edges.find((e) => e.id === edgeIdToSplit);
  if (!edge || node.kind === "trigger") return { ...graph, nodes: [...graph.nodes, node] };
  let next: WorkflowGraph = { ...graph, nodes: [...graph.nodes, node], edges: graph.edges.filter((e) => e !== edge) };
  next = { ...next, edges: [...next.edges, makeEdge(next, edge.source, edge.sourceHandle ?? "out", node.id)] };
  next = { ...next, edges: [...next.edges, makeEdge(next, node.id, outputHandles(node)[0], edge.target)] };
  return next;
}

/**
 * Removes nodes (with their edges) and edges. A removed step that sat in a simple chain
 * (one edge in, one out) has its neighbours joined, like deleting a line of text.
 */
export function deleteElements(graph: WorkflowGraph, nodeIds: readonly string[], edgeIds: readonly string[] = []): WorkflowGraph {
  const gone = new Set(nodeIds);
  const goneEdges = new Set(edgeIds);
  if (gone.size === 0 && goneEdges.size === 0) return graph;
  const bridges: [string, string, string][] = [];
  for (const id of gone) {
    const incoming = graph.edges.filter((e) => e.target === id);
    const outgoing = graph.edges.filter((e) => e.source === id);
    if (incoming.length === 1 && outgoing.length === 1 && !gone.has(incoming[0].source) && !gone.has(outgoing[0].target)) {
      bridges.push([incoming[0].source, incoming[0].sourceHandle ?? "out", outgoing[0].target]);
    }
  }
  let next: WorkflowGraph = {
    ...graph,
    nodes: graph.nodes.filter((n) => !gone.has(n.id)),
    edges: graph.edges.filter((e) => !goneEdges.has(e.id) && !gone.has(e.source) && !gone.has(e.target)),
  };
  for (const [source, handle, target] of bridges) next = connect(next, source, handle, target);
  return next;
}

export function updateNode(graph: WorkflowGraph, id: string, update: (node: GraphNode) => GraphNode): WorkflowGraph {
  let changed = false;
  const nodes = graph.nodes.map((n) => {
    if (n.id !== id) return n;
    const next = update(n);
    changed = next !== n;
    return next;
  });
  return changed ? { ...graph, nodes } : graph;
}

export function setPositions(graph: WorkflowGraph, positions: ReadonlyMap<string, { x: number; y: number }>): WorkflowGraph {
  let changed = false;
  const nodes = graph.nodes.map((n) => {
    const p = positions.get(n.id);
    if (!p || (p.x === n.position.x && p.y === n.position.y)) return n;
    changed = true;
    return { ...n, position: { x: p.x, y: p.y } };
  });
  return changed ? { ...graph, nodes } : graph;
}

/** Edges whose source handle no longer exists (e.g. a removed switch case) are dropped. */
export function pruneDanglingEdges(graph: WorkflowGraph, nodeId: string): WorkflowGraph {
  const node = graph.nodes.find((n) => n.id === nodeId);
  if (!node) return graph;
  const handles = new Set(outputHandles(node));
  const edges = graph.edges.filter((e) => e.source !== nodeId || handles.has(e.sourceHandle ?? "out"));
  return edges.length === graph.edges.length ? graph : { ...graph, edges };
}
