/**
 * Graph → React Flow elements. A React Flow node is rebuilt only when its graph node
 * object changed, so memoized node components skip re-rendering on unrelated edits; the
 * flow-only fields (`selected`, `measured`, in-flight drag position) are carried over.
 */
import type { Edge, Node } from "@xyflow/react";
import type { GraphEdge, GraphNode, WorkflowGraph } from "@/lib/engine/graph";

export type StepNodeData = { node: GraphNode };
export type StepFlowNode = Node<StepNodeData, "step">;
export type StepEdgeData = { edge: GraphEdge };
export type StepFlowEdge = Edge<StepEdgeData, "insertable">;

export function syncNodes(previous: readonly StepFlowNode[], graph: WorkflowGraph): StepFlowNode[] {
  const byId = new Map(previous.map((n) => [n.id, n]));
  return graph.nodes.map((node) => {
    const old = byId.get(node.id);
    if (old && old.data.node === node) return old;
    return {
      ...old,
      id: node.id,
      type: "step",
      position: node.position,
      data: { node },
      // Triggers never receive edges, so they are not drop targets for connections.
      connectable: true,
      ariaLabel: `Step: ${node.label}`,
    };
  });
}

export function syncEdges(previous: readonly StepFlowEdge[], graph: WorkflowGraph): StepFlowEdge[] {
  const byId = new Map(previous.map((e) => [e.id, e]));
  return graph.edges.map((edge) => {
    const old = byId.get(edge.id);
    if (old && old.data?.edge === edge) return old;
    return {
      ...old,
      id: edge.id,
      type: "insertable",
      source: edge.source,
      target: edge.target,
      sourceHandle: edge.sourceHandle ?? "out",
      targetHandle: "in",
      data: { edge },
    };
  });
}

/** Marks exactly `ids` as selected, reusing objects whose flag does not change. */
export function withSelection<T extends { id: string; selected?: boolean }>(items: readonly T[], ids: ReadonlySet<string>): T[] {
  return items.map((item) => (Boolean(item.selected) === ids.has(item.id) ? item : { ...item, selected: ids.has(item.id) }));
}
