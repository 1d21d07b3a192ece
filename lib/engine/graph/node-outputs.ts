/**
 * The output each node kind puts in scope, as JSON Schema, seen from a given referrer.
 * This is the executor's contract too: an action on its "error" path exposes
 * `{ error: { message, kind, status } }`; a loop exposes `{ item, index }` inside its body
 * and `{ count }` after "done"; filter, branch and delay expose nothing.
 */
import { parsePath } from "../mapping/path";
import type { Mapping } from "../mapping/schema";
import type { GraphCatalog } from "./catalog";
import { schemaAtPath, toJsonSchema, typesOf, type JsonSchema } from "./json-schema";
import type { GraphNode, WorkflowGraph } from "./schema";
import { downstreamOf, indexGraph } from "./topology";

export const NO_OUTPUT_SCHEMA: JsonSchema = { type: "object", properties: {}, additionalProperties: false };

export const STEP_ERROR_SCHEMA: JsonSchema = {
  type: "object",
  properties: {
    error: {
      type: "object",
      properties: { message: { type: "string" }, kind: { type: "string" }, status: { type: "integer" } },
      required: ["message", "kind"],
    },
  },
  required: ["error"],
};

const ANYTHING: JsonSchema = {};

export function createOutputResolver(graph: WorkflowGraph, catalog: GraphCatalog) {
  const bodies = new Map<string, Set<string>>();
  const errorPaths = new Map<string, { error: Set<string>; normal: Set<string> }>();

  const loopBody = (loopId: string) => {
    let body = bodies.get(loopId);
    if (!body) bodies.set(loopId, (body = downstreamOf(graph, loopId, "each")));
    return body;
  };

  const actionPaths = (id: string) => {
    let paths = errorPaths.get(id);
    if (!paths) {
      paths = { error: downstreamOf(graph, id, "error"), normal: downstreamOf(graph, id, "out") };
      errorPaths.set(id, paths);
    }
    return paths;
  };

  function outputSchema(node: GraphNode, referrerId: string, depth = 0): JsonSchema {
    switch (node.kind) {
      case "trigger": {
        const trigger = catalog.getTrigger(node.triggerKey);
        return trigger ? toJsonSchema(trigger.payload, "output") : ANYTHING;
      }
      case "action": {
        const operation = catalog.getOperation(node.operationKey);
        const output = operation ? toJsonSchema(operation.output, "output") : ANYTHING;
        const paths = actionPaths(node.id);
        const onError = paths.error.has(referrerId);
        const onNormal = paths.normal.has(referrerId);
        if (onError && !onNormal) return STEP_ERROR_SCHEMA;
        if ((onError && onNormal) || node.settings?.continueOnError) return { anyOf: [output, STEP_ERROR_SCHEMA] };
        return output;
      }
      case "loop":
        if (!loopBody(node.id).has(referrerId)) {
          return { type: "object", properties: { count: { type: "integer" } }, required: ["count"], additionalProperties: false };
        }
        return {
          type: "object",
          properties: { item: depth > 8 ? ANYTHING : elementSchema(node.items, node.id, depth), index: { type: "integer" } },
          required: ["item", "index"],
          additionalProperties: false,
        };
      default:
        return NO_OUTPUT_SCHEMA;
    }
  }

  /** What one item of a loop's list looks like, when the list is a plain reference. */
  function elementSchema(items: Mapping, loopId: string, depth: number): JsonSchema {
    const source = items.kind === "template" && items.parts.length === 1 && typeof items.parts[0] !== "string" ? items.parts[0] : items;
    if (source.kind !== "ref") return ANYTHING;
    const node = indexGraph(graph).nodes.get(source.node);
    if (!node) return ANYTHING;
    const root = outputSchema(node, loopId, depth + 1);
    const list = schemaAtPath(root, source.path);
    if (list.status !== "found" || !typesOf(list.schema, root).has("array")) return ANYTHING;
    const element = schemaAtPath(root, [...parsePath(source.path), 0]);
    return element.status === "found" ? element.schema : ANYTHING;
  }

  return { outputSchema, loopBody };
}
