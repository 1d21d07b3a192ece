/**
 * What the mapper of one step can read: each upstream node with its fields, and a scope
 * (node id → sample output) to preview mappings on.
 */
import { indexGraph, topologicalOrder, upstreamOf, type JsonSchema, type WorkflowGraph } from "@/lib/engine/graph";
import { lookupPath, type RefMapping, type SamplePath, type Scope } from "@/lib/engine/mapping";
import { fieldsOf, type SampleOrigin } from "./schema-paths";

export type MapperSource = { nodeId: string; label: string; kind: string; catalogKey?: string; paths: SamplePath[]; origin: SampleOrigin };

export type SourceInfo = {
  /** Output schema of a node (trigger payload, operation output), when the catalog knows it. */
  outputSchema(nodeId: string): JsonSchema | undefined;
  /** Real sample (test run) or catalog example, by node id. */
  sample(nodeId: string): { value: unknown; origin: SampleOrigin } | undefined;
  catalogKey(nodeId: string): string | undefined;
};

const LOOP_SCHEMA: JsonSchema = { type: "object", properties: { item: {}, index: { type: "integer" } } };

export function buildSources(graph: WorkflowGraph, nodeId: string, info: SourceInfo): { sources: MapperSource[]; scope: Scope } {
  const upstream = upstreamOf(graph, nodeId);
  let order: string[];
  try {
    order = topologicalOrder(graph);
  } catch {
    order = graph.nodes.map((n) => n.id);
  }
  const { nodes } = indexGraph(graph);
  const sources: MapperSource[] = [];
  const scope: Scope = {};
  for (const id of order) {
    const node = nodes.get(id);
    if (!node || !upstream.has(id)) continue;
    if (node.kind === "filter" || node.kind === "branch" || node.kind === "delay") continue;
    let sample = info.sample(id);
    if (node.kind === "loop") {
      // Inside the body a loop gives { item, index }; its item sample is the list's first element.
      const list = node.items.kind === "ref" ? node.items : undefined;
      const listSample = list ? scopeValue(scope, list) : undefined;
      sample = { value: { item: Array.isArray(listSample) ? listSample[0] : undefined, index: 0 }, origin: "example" };
    }
    if (sample) scope[id] = sample.value;
    const fields = fieldsOf(sample?.value, node.kind === "loop" ? LOOP_SCHEMA : info.outputSchema(id));
    if (!fields) continue;
    sources.push({ nodeId: id, label: node.label || id, kind: node.kind, catalogKey: info.catalogKey(id), paths: fields.paths, origin: sample?.origin ?? fields.origin });
  }
  return { sources, scope };
}

function scopeValue(scope: Scope, ref: RefMapping): unknown {
  return Object.hasOwn(scope, ref.node) ? lookupPath(scope[ref.node], ref.path).value : undefined;
}

/** "Trigger · email", "Find contact · contact.firstName" (last two path segments). */
export function refLabel(ref: RefMapping, nodeLabel: string | undefined): string {
  const segments = ref.path.replace(/\[(\d+)\]/g, ".$1").split(".").filter(Boolean);
  const tail = segments.slice(-2).join(".");
  return `${nodeLabel ?? ref.node} · ${tail || "everything"}`;
}
