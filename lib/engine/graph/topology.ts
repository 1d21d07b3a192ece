/**
 * Graph queries shared by validation, the executor and the canvas. Indexes are cached per
 * graph object, so treat graphs as immutable values (as React state and saved versions are).
 */
import type { GraphEdge, GraphNode, TriggerNode, WorkflowGraph } from "./schema";

export type GraphIndex = {
  nodes: Map<string, GraphNode>;
  /** Edges whose source and target both exist, by source / by target. */
  outgoing: Map<string, GraphEdge[]>;
  incoming: Map<string, GraphEdge[]>;
};

const cache = new WeakMap<WorkflowGraph, GraphIndex>();

export const handleOf = (edge: GraphEdge): string => edge.sourceHandle ?? "out";

export function indexGraph(graph: WorkflowGraph): GraphIndex {
  const cached = cache.get(graph);
  if (cached) return cached;
  const nodes = new Map(graph.nodes.map((node) => [node.id, node]));
  const outgoing = new Map<string, GraphEdge[]>(graph.nodes.map((n) => [n.id, []]));
  const incoming = new Map<string, GraphEdge[]>(graph.nodes.map((n) => [n.id, []]));
  for (const edge of graph.edges) {
    if (!nodes.has(edge.source) || !nodes.has(edge.target)) continue;
    outgoing.get(edge.source)?.push(edge);
    incoming.get(edge.target)?.push(edge);
  }
  const index = { nodes, outgoing, incoming };
  cache.set(graph, index);
  return index;
}

export function triggerOf(graph: WorkflowGraph): TriggerNode | undefined {
  return graph.nodes.find((node): node is TriggerNode => node.kind === "trigger");
}

/** Targets of `nodeId`'s output `handle`, in edge order. */
export function nextNodes(graph: WorkflowGraph, nodeId: string, handle = "out"): string[] {
  return (indexGraph(graph).outgoing.get(nodeId) ?? []).filter((e) => handleOf(e) === handle).map((e) => e.target);
}

/** Nodes reachable from `nodeId` (excluded), optionally only through one of its outputs. */
export function downstreamOf(graph: WorkflowGraph, nodeId: string, handle?: string): Set<string> {
  const { outgoing } = indexGraph(graph);
  const first = (outgoing.get(nodeId) ?? []).filter((e) => handle === undefined || handleOf(e) === handle).map((e) => e.target);
  return walk(first, (id) => (outgoing.get(id) ?? []).map((e) => e.target));
}

/** Every node with a path to `nodeId` (excluded). */
export function upstreamOf(graph: WorkflowGraph, nodeId: string): Set<string> {
  const { incoming } = indexGraph(graph);
  const parents = (id: string) => (incoming.get(id) ?? []).map((e) => e.source);
  return walk(parents(nodeId), parents);
}

function walk(start: string[], next: (id: string) => string[]): Set<string> {
  const seen = new Set<string>();
  const stack = [...start];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...next(id));
  }
  return seen;
}

export class GraphCycleError extends Error {
  constructor(readonly cycles: string[][]) {
    super(`The workflow has a cycle: ${cycles.map((c) => c.join(" → ")).join("; ")}`);
    this.name = "GraphCycleError";
  }
}

/** Kahn's order, ties broken by the nodes' array order so runs are deterministic. */
export function topologicalOrder(graph: WorkflowGraph): string[] {
  const { nodes, incoming, outgoing } = indexGraph(graph);
  const ids = [...nodes.keys()];
  const pending = new Map(ids.map((id) => [id, incoming.get(id)?.length ?? 0]));
  const position = new Map(ids.map((id, i) => [id, i]));
  const ready = ids.filter((id) => pending.get(id) === 0);
  const order: string[] = [];
  while (ready.length > 0) {
    ready.sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0));
    const id = ready.shift() as string;
    order.push(id);
    for (const edge of outgoing.get(id) ?? []) {
      const left = (pending.get(edge.target) ?? 0) - 1;
      pending.set(edge.target, left);
      if (left === 0) ready.push(edge.target);
    }
  }
  if (order.length < ids.length) throw new GraphCycleError(findCycles(graph));
  return order;
}

/** Strongly connected groups that loop back on themselves (Tarjan), in node order. */
export function findCycles(graph: WorkflowGraph): string[][] {
  const { outgoing } = indexGraph(graph);
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  let counter = 0;

  const visit = (id: string) => {
    indexOf.set(id, counter);
    low.set(id, counter++);
    stack.push(id);
    onStack.add(id);
    for (const { target } of outgoing.get(id) ?? []) {
      if (!indexOf.has(target)) {
        visit(target);
        low.set(id, Math.min(low.get(id) ?? 0, low.get(target) ?? 0));
      } else if (onStack.has(target)) low.set(id, Math.min(low.get(id) ?? 0, indexOf.get(target) ?? 0));
    }
    if (low.get(id) !== indexOf.get(id)) return;
    const group: string[] = [];
    let member: string;
    do {
      member = stack.pop() as string;
      onStack.delete(member);
      group.push(member);
    } while (member !== id);
    const selfLoop = (outgoing.get(id) ?? []).some((e) => e.target === id);
    if (group.length > 1 || selfLoop) cycles.push(group.reverse());
  };
  for (const id of indexGraph(graph).nodes.keys()) if (!indexOf.has(id)) visit(id);
  return cycles;
}

/**
 * For each node reachable from `rootId`, the nodes every path from the root passes through
 * (itself included). A reference to a non-dominator may read a step that was skipped.
 * Requires an acyclic graph.
 */
export function dominators(graph: WorkflowGraph, rootId: string): Map<string, Set<string>> {
  const { incoming } = indexGraph(graph);
  const reachable = downstreamOf(graph, rootId);
  reachable.add(rootId);
  const result = new Map<string, Set<string>>();
  for (const id of topologicalOrder(graph)) {
    if (!reachable.has(id)) continue;
    const parents = (incoming.get(id) ?? []).map((e) => result.get(e.source)).filter((s): s is Set<string> => s !== undefined);
    const common = parents.length === 0 ? new Set<string>() : new Set([...parents[0]].filter((d) => parents.every((p) => p.has(d))));
    common.add(id);
    result.set(id, common);
  }
  return result;
}
