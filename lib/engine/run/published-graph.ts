/**
 * Published workflow versions never change, so a worker migrates, validates and indexes a
 * version's graph once and keeps it in a small LRU instead of doing it for every run.
 */
import { db } from "@/lib/db/client";
import { downstreamOf, migrateGraph, topologicalOrder, triggerOf, type GraphNode, type WorkflowGraph } from "../graph";

export type PublishedGraph = {
  readonly graph: WorkflowGraph;
  readonly trigger: ReturnType<typeof triggerOf>;
  readonly order: readonly string[];
  readonly nodes: ReadonlyMap<string, GraphNode>;
  /** For each loop, the nodes of its body (reached through its "each" output). */
  readonly bodies: ReadonlyMap<string, ReadonlySet<string>>;
  readonly inAnyBody: ReadonlySet<string>;
};

export type PublishedGraphCache = {
  /** `graph` is the version's stored JSON when the caller already has it; otherwise it is read. */
  get(versionId: string, graph?: unknown): Promise<PublishedGraph>;
  readonly size: number;
};

export const PUBLISHED_GRAPH_CACHE_SIZE = 256;

/** Shared by every run in the process, so a stray mutation would leak into other runs. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

export function prepareGraph(json: unknown): PublishedGraph {
  const graph = deepFreeze(migrateGraph(json));
  const bodies = new Map(graph.nodes.filter((n) => n.kind === "loop").map((n) => [n.id, downstreamOf(graph, n.id, "each")]));
  return {
    graph,
    trigger: triggerOf(graph),
    order: topologicalOrder(graph),
    nodes: new Map(graph.nodes.map((n) => [n.id, n])),
    bodies,
    inAnyBody: new Set([...bodies.values()].flatMap((s) => [...s])),
  };
}

export function createPublishedGraphCache(max = PUBLISHED_GRAPH_CACHE_SIZE): PublishedGraphCache {
  const entries = new Map<string, PublishedGraph>();
  return {
    async get(versionId, graph) {
      const hit = entries.get(versionId);
      if (hit) {
        // Map order is insertion order: re-inserting marks the entry most recently used.
        entries.delete(versionId);
        entries.set(versionId, hit);
        return hit;
      }
      const json = graph ?? (await db().workflowVersion.findUniqueOrThrow({ where: { id: versionId }, select: { graph: true } })).graph;
      const prepared = prepareGraph(json);
      entries.set(versionId, prepared);
      for (const oldest of entries.keys()) {
        if (entries.size <= max) break;
        entries.delete(oldest);
      }
      return prepared;
    },
    get size() {
      return entries.size;
    },
  };
}

const shared = createPublishedGraphCache();

/** The process's cache of published versions, shared by routing and execution. */
export function publishedGraph(versionId: string, graph?: unknown): Promise<PublishedGraph> {
  return shared.get(versionId, graph);
}
