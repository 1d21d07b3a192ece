/** Per-node checks against the catalog: keys exist, required inputs are mapped, mappings and conditions hold. */
import { parsePath } from "../mapping/path";
import type { Mapping } from "../mapping/schema";
import { holdsMask, isSecretInputKey } from "../mapping/secret-texts";
import type { GraphCatalog } from "./catalog";
import { BINARY_OPERATORS, isGroup, type ConditionGroup } from "./condition";
import { missingRequiredInputs, schemaAtPath, toJsonSchema, type JsonSchema } from "./json-schema";
import { checkMapping, type MappingContext } from "./validate-mappings";
import type { GraphNode } from "./schema";

const ARRAY: JsonSchema = { type: "array" };
const DATE_LIKE: JsonSchema = { type: ["string", "number"] };

export function checkNode(ctx: MappingContext, catalog: GraphCatalog, node: GraphNode): void {
  const where = { nodeId: node.id };
  const label = ctx.name(node.id);
  switch (node.kind) {
    case "trigger":
      if (!catalog.getTrigger(node.triggerKey)) {
        ctx.issues.error("unknown_trigger", `"${label}" uses an unknown trigger "${node.triggerKey}"`, { ...where, field: "triggerKey" });
      }
      return;
    case "action":
      return checkAction(ctx, catalog, node);
    case "filter":
      return checkCondition(ctx, node, node.condition, "condition");
    case "branch":
      if (node.mode === "if") return checkCondition(ctx, node, node.condition, "condition");
      node.cases.forEach((c, i) => checkCondition(ctx, node, c.condition, `cases[${i}].condition`));
      return;
    case "loop":
      return checkMapping(ctx, { node, field: "items", describe: `The list of "${label}"` }, node.items, ARRAY);
    case "delay":
      if (node.mode === "until") checkMapping(ctx, { node, field: "until", describe: `The date of "${label}"` }, node.until, DATE_LIKE);
      return;
  }
}

const CONNECTIONLESS = new Set(["webhook", "logic"]);
const CONNECTOR_NAMES: Record<string, string> = { ghl: "HighLevel", "details-flowers": "Details Flowers" };

function checkAction(ctx: MappingContext, catalog: GraphCatalog, node: Extract<GraphNode, { kind: "action" }>): void {
  const label = ctx.name(node.id);
  const operation = catalog.getOperation(node.operationKey);
  if (!operation) {
    ctx.issues.error("unknown_operation", `"${label}" uses an unknown action "${node.operationKey}"`, { nodeId: node.id, field: "operationKey" });
  }
  if (operation?.connector && !CONNECTIONLESS.has(operation.connector) && !node.connectionId) {
    ctx.issues.error("missing_connection", `"${label}" has no connection: pick the ${CONNECTOR_NAMES[operation.connector] ?? operation.connector} account it should use`, { nodeId: node.id, field: "connectionId" });
  }
  const inputSchema = operation ? toJsonSchema(operation.input, "input") : undefined;
  // Fields the operation marks `secretField` carry `secret: true` into JSON Schema.
  const secret = new Set(Object.entries(inputSchema?.properties ?? {}).flatMap(([name, field]) => (field.secret === true ? [name] : [])));
  const mapped = Object.entries(node.inputs)
    .filter(([, mapping]) => !isBlank(mapping))
    .map(([key]) => key);
  if (inputSchema) {
    for (const path of missingRequiredInputs(inputSchema, mapped)) {
      ctx.issues.error("missing_required_input", `"${label}" needs a value for "${path}"`, { nodeId: node.id, field: `inputs.${path}` });
    }
  }
  for (const [key, mapping] of Object.entries(node.inputs)) {
    const site = { node, field: `inputs.${key}`, describe: `Input "${key}" of "${label}"` };
    let expected: JsonSchema | undefined;
    if (inputSchema) {
      const found = safeLookup(inputSchema, key);
      if (found?.status === "missing") {
        ctx.issues.warn("unknown_input", `"${label}" has no input "${key}"; the value is ignored`, { nodeId: node.id, field: site.field });
      }
      if (found?.status === "found") expected = found.schema;
    }
    checkMapping(ctx, site, mapping, expected);
    if (secret.size && isSecretInputKey(key, secret) && holdsMask(mapping)) {
      ctx.issues.error("secret_not_set", `Input "${key}" of "${label}" is a secret that is not exported with a workflow: type its value again`, { nodeId: node.id, field: site.field });
    }
  }
}

function safeLookup(schema: JsonSchema, key: string) {
  try {
    parsePath(key);
  } catch {
    return undefined;
  }
  return schemaAtPath(schema, key);
}

function isBlank(mapping: Mapping): boolean {
  if (mapping.kind === "literal") return mapping.value === undefined || mapping.value === null || mapping.value === "";
  if (mapping.kind === "template") return mapping.parts.length === 0 || mapping.parts.every((p) => p === "");
  return false;
}

function checkCondition(ctx: MappingContext, node: GraphNode, condition: ConditionGroup, field: string): void {
  const label = ctx.name(node.id);
  const items = "all" in condition ? condition.all : condition.any;
  items.forEach((item, i) => {
    if (isGroup(item)) return checkCondition(ctx, node, item, `${field}.${"all" in condition ? "all" : "any"}[${i}]`);
    const where = { nodeId: node.id, field };
    const describe = `Condition ${i + 1} of "${label}"`;
    checkMapping(ctx, { node, field, describe }, item.left);
    if (!item.right) {
      if (BINARY_OPERATORS.has(item.op)) ctx.issues.error("invalid_condition", `${describe} needs a value to compare with (${item.op.replace(/_/g, " ")})`, where);
      return;
    }
    checkMapping(ctx, { node, field, describe }, item.right);
    if (item.op === "matches_regex" && item.right.kind === "literal") {
      try {
        new RegExp(String(item.right.value));
      } catch {
        ctx.issues.error("invalid_condition", `${describe}: "${String(item.right.value)}" is not a valid regular expression`, where);
      }
    }
  });
}
