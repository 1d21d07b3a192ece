/**
 * Field lists for the mapper. Real sample data wins (it shows example values); a step
 * that never ran still offers its fields, read from its output JSON Schema.
 */
import type { JsonSchema } from "@/lib/engine/graph";
import { formatPath, listPaths, type PathSegment, type PathType, type SamplePath } from "@/lib/engine/mapping";

const MAX_DEPTH = 4;

function resolve(schema: JsonSchema, root: JsonSchema): JsonSchema {
  let current = schema;
  for (let hops = 0; current.$ref && hops < 10; hops++) {
    const ref = current.$ref;
    current = ref === "#" ? root : ref.startsWith("#/$defs/") ? (root.$defs?.[ref.slice(8)] ?? {}) : {};
  }
  const variants = current.anyOf ?? current.oneOf;
  if (variants) {
    const nonNull = variants.filter((v) => v.type !== "null");
    if (nonNull.length === 1) return { ...resolve(nonNull[0], root), description: current.description ?? nonNull[0].description };
  }
  return current;
}

function pathType(schema: JsonSchema): PathType | undefined {
  const types = (Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : []).filter((t) => t !== "null");
  const t = types[0];
  if (t === "integer") return "number";
  if (t === "string" || t === "number" || t === "boolean" || t === "object" || t === "array") return t;
  if (schema.properties) return "object";
  if (schema.enum) return "string";
  return undefined;
}

export function schemaPaths(root: JsonSchema): SamplePath[] {
  const out: SamplePath[] = [];
  const walk = (raw: JsonSchema, segments: PathSegment[], depth: number) => {
    const schema = resolve(raw, root);
    if (segments.length > 0) {
      const type = pathType(schema);
      if (!type) return;
      const example = Array.isArray(schema.examples) ? schema.examples[0] : undefined;
      out.push({ path: formatPath(segments), type, example: type === "object" || type === "array" ? undefined : example });
    }
    if (depth >= MAX_DEPTH) return;
    if (schema.properties) for (const [name, child] of Object.entries(schema.properties)) walk(child, [...segments, name], depth + 1);
    const items = Array.isArray(schema.items) ? undefined : schema.items;
    if (items) walk(items, [...segments, 0], depth + 1);
  };
  walk(root, [], 0);
  return out;
}

export type SampleOrigin = "test" | "example" | "schema";

/** Paths of a sample when there is one, else of the schema. */
export function fieldsOf(sample: unknown, schema: JsonSchema | undefined): { paths: SamplePath[]; origin: SampleOrigin } | undefined {
  if (sample !== undefined) return { paths: listPaths(sample, MAX_DEPTH), origin: "test" };
  if (schema) return { paths: schemaPaths(schema), origin: "schema" };
  return undefined;
}
