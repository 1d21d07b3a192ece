/**
 * Reading operation schemas as JSON Schema (the same view the mapper renders) to answer
 * validation's questions: which inputs are required, does a path exist, what type is it.
 */
import { z } from "zod";
import { formatPath, parsePath, type PathSegment } from "../mapping/path";

export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema | JsonSchema[];
  prefixItems?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  const?: unknown;
  enum?: unknown[];
  $ref?: string;
  /** Set by `secretField`: stored encrypted, shown masked. */
  secret?: boolean;
  $defs?: Record<string, JsonSchema>;
  [key: string]: unknown;
};

const caches = { input: new WeakMap<z.ZodType, JsonSchema>(), output: new WeakMap<z.ZodType, JsonSchema>() };

/** `io: "input"` for what a user must supply (defaults optional), `output` for what a step gives. */
export function toJsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const cache = caches[io];
  let json = cache.get(schema);
  if (!json) {
    try {
      json = z.toJSONSchema(schema, { io, unrepresentable: "any", cycles: "ref", reused: "inline" }) as JsonSchema;
    } catch {
      json = {};
    }
    cache.set(schema, json);
  }
  return json;
}

function resolve(schema: JsonSchema, root: JsonSchema): JsonSchema {
  let current = schema;
  for (let hops = 0; current.$ref && hops < 20; hops++) {
    const ref = current.$ref;
    if (ref === "#") current = root;
    else if (ref.startsWith("#/$defs/")) current = root.$defs?.[decodeURIComponent(ref.slice(8))] ?? {};
    else return {};
  }
  return current;
}

export type PathLookup = { status: "found"; schema: JsonSchema } | { status: "unknown" } | { status: "missing" };

/** The schema at `path`; `unknown` where the schema allows anything (so no warning is due). */
export function schemaAtPath(root: JsonSchema, path: string | readonly PathSegment[]): PathLookup {
  const segments = typeof path === "string" ? parsePath(path) : path;
  return lookup(root, segments, root);
}

function lookup(raw: JsonSchema, segments: readonly PathSegment[], root: JsonSchema): PathLookup {
  const schema = resolve(raw, root);
  if (segments.length === 0) return { status: "found", schema };
  const variants = schema.anyOf ?? schema.oneOf ?? schema.allOf;
  if (variants) {
    const results = variants.map((v) => lookup(v, segments, root));
    if (results.some((r) => r.status === "unknown")) return { status: "unknown" };
    const found = results.filter((r): r is Extract<PathLookup, { status: "found" }> => r.status === "found");
    if (found.length === 0) return { status: "missing" };
    return { status: "found", schema: found.length === 1 ? found[0].schema : { anyOf: found.map((r) => r.schema) } };
  }
  const types = typesOf(schema, root);
  if (types.has("any")) return { status: "unknown" };
  const [head, ...rest] = segments;
  if (types.has("array") && (typeof head === "number" || /^\d+$/.test(head))) {
    const items = Array.isArray(schema.items) ? undefined : schema.items;
    const tuple = schema.prefixItems ?? (Array.isArray(schema.items) ? schema.items : undefined);
    const next = tuple?.[Number(head)] ?? items;
    return next ? lookup(next, rest, root) : { status: "unknown" };
  }
  if (types.has("array") && head === "length") return rest.length === 0 ? { status: "found", schema: { type: "integer" } } : { status: "missing" };
  if (types.has("object") && typeof head === "string") {
    const property = schema.properties?.[head];
    if (property) return lookup(property, rest, root);
    if (schema.additionalProperties === false) return { status: "missing" };
    if (typeof schema.additionalProperties === "object") return lookup(schema.additionalProperties, rest, root);
    return schema.properties ? { status: "missing" } : { status: "unknown" };
  }
  return { status: "missing" };
}

export type JsonTypeName = "string" | "number" | "integer" | "boolean" | "object" | "array" | "null" | "any";

export function typesOf(raw: JsonSchema, root: JsonSchema = raw): Set<JsonTypeName> {
  const schema = resolve(raw, root);
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return new Set(variants.flatMap((v) => [...typesOf(v, root)]));
  if (schema.allOf?.length) return typesOf(schema.allOf[0], root);
  if (schema.type) return new Set((Array.isArray(schema.type) ? schema.type : [schema.type]) as JsonTypeName[]);
  const constants = schema.const !== undefined ? [schema.const] : schema.enum;
  if (constants) return new Set(constants.map((c) => (c === null ? "null" : Array.isArray(c) ? "array" : (typeof c as JsonTypeName))));
  return new Set(["any"]);
}

/** Required fields not covered by the mapped input paths, recursing into partly mapped objects. */
export function missingRequiredInputs(schema: JsonSchema, mappedPaths: readonly string[]): string[] {
  const mapped = mappedPaths.map((p) => {
    try {
      return parsePath(p);
    } catch {
      return [p];
    }
  });
  return walk(schema, []);

  function walk(raw: JsonSchema, prefix: PathSegment[]): string[] {
    const node = resolve(raw, schema);
    const missing: string[] = [];
    const required = new Set(node.required ?? []);
    for (const [name, child] of Object.entries(node.properties ?? {})) {
      const path = [...prefix, name];
      if (mapped.some((m) => startsWith(path, m))) continue;
      // Mapping part of an optional object makes that object's own required fields due.
      const nested = mapped.some((m) => m.length > path.length && startsWith(m, path));
      if (nested) missing.push(...walk(child, path));
      else if (required.has(name)) missing.push(formatPath(path));
    }
    return missing;
  }
}

function startsWith(path: readonly PathSegment[], prefix: readonly PathSegment[]): boolean {
  return prefix.every((segment, i) => String(path[i]) === String(segment));
}

/** Top-level fields an operation requires; the executor passes the rest as optional to resolveInputs. */
export function requiredInputNames(input: z.ZodType): string[] {
  return resolve(toJsonSchema(input, "input"), toJsonSchema(input, "input")).required ?? [];
}
