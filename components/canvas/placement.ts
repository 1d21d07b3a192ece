/** Where new steps go when they are not dropped at a point: pure helpers over the graph. */
import { downstreamOf, type GraphNode, type WorkflowGraph } from "@/lib/engine/graph";
import { NODE_GAP_X } from "./graph-commands";

/** The step a new one is appended to when nothing is selected: the right-most step with no way out. */
export function chainEnd(graph: WorkflowGraph): GraphNode | undefined {
  const withOutgoing = new Set(graph.edges.map((e) => e.source));
  const ends = graph.nodes.filter((n) => !withOutgoing.has(n.id));
  const pool = ends.length > 0 ? ends : graph.nodes;
  return pool.reduce<GraphNode | undefined>((best, n) => (!best || n.position.x > best.position.x ? n : best), undefined);
}

/** Pushes everything after `nodeId` one column right, so an inserted step does not overlap. */
export function makeRoom(graph: WorkflowGraph, nodeId: string): WorkflowGraph {
  const after = downstreamOf(graph, nodeId);
  after.delete(nodeId);
  if (after.size === 0) return graph;
  return { ...graph, nodes: graph.nodes.map((n) => (after.has(n.id) ? { ...n, position: { x: n.position.x + NODE_GAP_X, y: n.position.y } } : n)) };
}

export function rightOf(node: GraphNode | undefined): { x: number; y: number } {
  return node ? { x: node.position.x + NODE_GAP_X, y: node.position.y } : { x: 0, y: 0 };
}
