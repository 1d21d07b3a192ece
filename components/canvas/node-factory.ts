/** New nodes from catalog entries, with readable ids (references in mappings show them). */
import type { GraphNode, WorkflowGraph } from "@/lib/engine/graph";
import type { CatalogEntry, ConnectionSummary } from "./types";

type Position = { x: number; y: number };

/** `ghl.contact.upsert` → `contact_upsert`, made unique with `_2`, `_3`… */
export function uniqueNodeId(base: string, taken: ReadonlySet<string>): string {
  const clean = base.replace(/[^A-Za-z0-9_-]+/g, "_").replace(/^_+|_+$/g, "") || "step";
  if (!taken.has(clean)) return clean;
  for (let n = 2; ; n++) if (!taken.has(`${clean}_${n}`)) return `${clean}_${n}`;
}

function idBase(entry: CatalogEntry): string {
  if (entry.kind === "trigger") return "trigger";
  const rest = entry.key.split(".").slice(1).join("_");
  return rest || entry.key;
}

/** The connection a new step starts with: the only active one of its connector, as Zapier does. */
function soleConnection(entry: CatalogEntry, connections: readonly ConnectionSummary[]): string | undefined {
  const candidates = connections.filter((c) => c.provider === entry.connector && c.status === "active");
  return candidates.length === 1 ? candidates[0].id : undefined;
}

export function createNode(entry: CatalogEntry, graph: WorkflowGraph, position: Position, connections: readonly ConnectionSummary[] = []): GraphNode {
  const taken = new Set(graph.nodes.map((n) => n.id));
  const id = uniqueNodeId(idBase(entry), taken);
  const base = { id, label: entry.label, position };
  switch (entry.key) {
    case "logic.filter":
      return { ...base, kind: "filter", condition: { all: [] } };
    case "logic.branch":
      return { ...base, kind: "branch", mode: "if", condition: { all: [] } };
    case "logic.loop":
      return { ...base, kind: "loop", items: { kind: "literal", value: [] } };
    case "logic.delay":
      return { ...base, kind: "delay", mode: "duration", amount: 5, unit: "minutes" };
  }
  const connectionId = soleConnection(entry, connections);
  if (entry.kind === "trigger") return { ...base, kind: "trigger", triggerKey: entry.key, ...(connectionId ? { connectionId } : {}) };
  return { ...base, kind: "action", operationKey: entry.key, ...(connectionId ? { connectionId } : {}), inputs: {} };
}

/** The catalog key a node was made from, for labels and icons. */
export { catalogKeyOf } from "@/lib/engine/graph";
