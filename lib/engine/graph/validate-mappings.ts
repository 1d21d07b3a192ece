/**
 * Checks one mapping in the context of the node that uses it: transforms exist and are
 * configured, references point upstream at paths the source declares, types fit.
 */
import { formatRef } from "../mapping/template";
import { mappingSchema, type Mapping, type RefMapping } from "../mapping/schema";
import { compileJsonata } from "../mapping/evaluate";
import { collectRefs, jsonataRootNames } from "../mapping/references";
import { parsePath } from "../mapping/path";
import { getTransform } from "../mapping/transforms";
import { schemaAtPath, typesOf, type JsonSchema, type JsonTypeName } from "./json-schema";
import type { IssueCollector } from "./issues";
import type { createOutputResolver } from "./node-outputs";
import type { GraphNode, WorkflowGraph } from "./schema";
import { indexGraph } from "./topology";

export type MappingContext = {
  graph: WorkflowGraph;
  issues: IssueCollector;
  outputs: ReturnType<typeof createOutputResolver>;
  /** Dominators per node; absent when the graph has cycles. */
  dominators?: Map<string, Set<string>>;
  name: (id: string) => string;
  /** Memoized upstreamOf, since every mapping of a node asks the same question. */
  upstream: (id: string) => Set<string>;
};

type Site = { node: GraphNode; field: string; describe: string };

export function checkMapping(ctx: MappingContext, site: Site, mapping: Mapping, expected?: JsonSchema): void {
  checkStatic(ctx, site, mapping);
  const upstream = ctx.upstream(site.node.id);
  const nodes = indexGraph(ctx.graph).nodes;
  const where = { nodeId: site.node.id, field: site.field };
  for (const ref of collectRefs(mapping)) checkRef(ctx, site, ref, upstream);
  for (const expression of jsonataExpressions(mapping)) {
    let names: string[] = [];
    try {
      names = jsonataRootNames(expression);
    } catch {
      continue;
    }
    for (const name of names) {
      if (nodes.has(name) && !upstream.has(name)) {
        ctx.issues.error("reference_not_upstream", `${site.describe} reads step "${ctx.name(name)}", which does not run before it`, where);
      }
    }
  }
  if (expected) checkType(ctx, site, mapping, expected);
}

function jsonataExpressions(mapping: Mapping): string[] {
  if (mapping.kind === "jsonata") return [mapping.expression];
  if (mapping.kind === "pipeline") return jsonataExpressions(mapping.source);
  return [];
}

function checkStatic(ctx: MappingContext, site: Site, mapping: Mapping): void {
  const where = { nodeId: site.node.id, field: site.field };
  if (mapping.kind === "jsonata") {
    try {
      compileJsonata(mapping.expression);
    } catch (error) {
      const message = (error as { message?: string })?.message ?? String(error);
      ctx.issues.error("invalid_mapping", `${site.describe}: the JSONata expression does not parse (${message})`, where);
    }
  }
  if (mapping.kind !== "pipeline") return;
  checkStatic(ctx, site, mapping.source);
  for (const step of mapping.transforms) {
    const definition = getTransform(step.transform);
    if (!definition) {
      ctx.issues.error("invalid_mapping", `${site.describe} uses an unknown transform "${step.transform}"`, where);
      continue;
    }
    const params: Record<string, unknown> = { ...step.params };
    for (const name of definition.mappingParams ?? []) {
      const nested = mappingSchema.safeParse(params[name]);
      if (nested.success) {
        checkStatic(ctx, site, nested.data);
        params[name] = null;
      }
    }
    const parsed = definition.params.safeParse(params);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      ctx.issues.error(
        "invalid_mapping",
        `${site.describe}: transform "${definition.label}" has an invalid setting "${issue.path.join(".")}": ${issue.message}`,
        where,
      );
    }
  }
}

function checkRef(ctx: MappingContext, site: Site, ref: RefMapping, upstream: Set<string>): void {
  const where = { nodeId: site.node.id, field: site.field };
  const text = formatRef(ref);
  const source = indexGraph(ctx.graph).nodes.get(ref.node);
  if (!source) {
    ctx.issues.error("reference_not_upstream", `${site.describe} reads ${text}, but there is no step "${ref.node}"`, where);
    return;
  }
  const head = parsePath(ref.path)[0];
  if (source.kind === "loop" && (head === "item" || head === "index") && !ctx.outputs.loopBody(source.id).has(site.node.id)) {
    ctx.issues.error(
      "loop_item_outside_body",
      `${site.describe} reads ${text}, but the current item exists only inside the "${ctx.name(source.id)}" loop's "each" path`,
      where,
    );
    return;
  }
  if (!upstream.has(ref.node)) {
    ctx.issues.error("reference_not_upstream", `${site.describe} reads ${text}, but "${ctx.name(ref.node)}" does not run before this step`, where);
    return;
  }
  if (ctx.dominators && !ctx.dominators.get(site.node.id)?.has(ref.node)) {
    ctx.issues.warn(
      "reference_may_be_skipped",
      `${site.describe} reads ${text}, but "${ctx.name(ref.node)}" is on a path that may not run (a branch or error path); add a default value`,
      where,
    );
  }
  const schema = ctx.outputs.outputSchema(source, site.node.id);
  if (schemaAtPath(schema, ref.path).status === "missing") {
    ctx.issues.warn("unknown_reference_path", `${site.describe} reads ${text}, but "${ctx.name(ref.node)}" has no field "${ref.path}"`, where);
  }
}

/** The JSON types a mapping can produce, or "any" when that cannot be known statically. */
export function mappingTypes(ctx: MappingContext, site: Site, mapping: Mapping): Set<JsonTypeName> {
  switch (mapping.kind) {
    case "literal":
      if (mapping.value === null || mapping.value === undefined) return new Set(["null"]);
      return new Set([Array.isArray(mapping.value) ? "array" : (typeof mapping.value as JsonTypeName)]);
    case "ref": {
      const source = indexGraph(ctx.graph).nodes.get(mapping.node);
      if (!source) return new Set(["any"]);
      const root = ctx.outputs.outputSchema(source, site.node.id);
      const found = schemaAtPath(root, mapping.path);
      return found.status === "found" ? typesOf(found.schema, root) : new Set(["any"]);
    }
    case "template":
      if (mapping.parts.length === 1 && typeof mapping.parts[0] !== "string") return mappingTypes(ctx, site, mapping.parts[0]);
      return new Set(["string"]);
    case "pipeline": {
      let types = mappingTypes(ctx, site, mapping.source);
      for (const step of mapping.transforms) {
        const out = getTransform(step.transform)?.outputType ?? "any";
        if (out === "same") continue;
        types = new Set([out === "datetime" ? "string" : out]);
      }
      return types;
    }
    case "jsonata":
      return new Set(["any"]);
  }
}

const TYPE_WORDS: Record<JsonTypeName, string> = {
  string: "text",
  number: "a number",
  integer: "a whole number",
  boolean: "true/false",
  object: "an object",
  array: "a list",
  null: "empty",
  any: "anything",
};

function checkType(ctx: MappingContext, site: Site, mapping: Mapping, expected: JsonSchema): void {
  const want = typesOf(expected);
  const got = mappingTypes(ctx, site, mapping);
  got.delete("null");
  if (want.has("any") || got.has("any") || got.size === 0) return;
  const fits = (t: JsonTypeName) => want.has(t) || (t === "integer" && want.has("number")) || (t === "number" && want.has("integer"));
  if ([...got].some(fits)) return;
  const wantWords = [...want].filter((t) => t !== "null").map((t) => TYPE_WORDS[t]);
  ctx.issues.warn(
    "type_mismatch",
    `${site.describe} expects ${wantWords.join(" or ")}, but the mapped value is ${[...got].map((t) => TYPE_WORDS[t]).join(" or ")}`,
    { nodeId: site.node.id, field: site.field },
  );
}
