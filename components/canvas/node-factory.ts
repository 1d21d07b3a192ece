/** New nodes from catalog entries, with readable ids (references in mappings show them). */
import type { GraphNode, WorkflowGraph } from "@/lib/engine/graph";
import type { CatalogEntry } from "./types";

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

export function createNode(entry: CatalogEntry, graph: WorkflowGraph, position: Position): GraphNode {
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
  if (entry.kind === "trigger") return { ...base, kind: "trigger", triggerKey: entry.key };
  return { ...base, kind: "action", operationKey: entry.key, inputs: {} };
}

/** The catalog key a node was made from, for labels and icons. */
export function catalogKeyOf(node: GraphNode): string {
  switch (node.kind) {
    case "trigger":
      return node.triggerKey;
    case "action":
      return node.operationKey;
    default:
      return `logic.${node.kind}`;
  }
}
