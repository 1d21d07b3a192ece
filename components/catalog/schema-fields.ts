/** Flattens a JSON Schema into table rows (nested objects indented), for the catalog pages. */
import type { JsonSchema } from "@/lib/engine/graph";

export type SchemaField = {
  /** Dotted path, unique per table: `address.city`, `tags[]`. */
  path: string;
  name: string;
  depth: number;
  type: string;
  required: boolean;
  description?: string;
};

const MAX_DEPTH = 6;

/** A top-level union (e.g. branch "if" / "switch") is shown as one table per option. */
export function schemaVariants(schema: JsonSchema): { title: string | null; schema: JsonSchema }[] {
  const options = schema.anyOf ?? schema.oneOf;
  if (!schema.properties && options?.every((o) => o.properties)) {
    return options.map((option, i) => ({ title: variantTitle(option) ?? `Option ${i + 1}`, schema: option }));
  }
  return [{ title: null, schema }];
}

function variantTitle(option: JsonSchema): string | null {
  const constant = Object.entries(option.properties ?? {}).find(([, p]) => p.const !== undefined);
  return constant ? `${constant[0]}: ${String(constant[1].const)}` : null;
}

export function schemaFields(schema: JsonSchema, prefix = "", depth = 0): SchemaField[] {
  const object = unwrapNullable(schema);
  if (depth > MAX_DEPTH || !object.properties) return [];
  const required = new Set(object.required ?? []);
  return Object.entries(object.properties).flatMap(([name, property]) => {
    const path = prefix ? `${prefix}.${name}` : name;
    const row: SchemaField = { path, name, depth, type: typeLabel(property), required: required.has(name), description: descriptionOf(property) };
    return [row, ...childFields(property, path, depth + 1)];
  });
}

function childFields(property: JsonSchema, path: string, depth: number): SchemaField[] {
  const inner = unwrapNullable(property);
  if (inner.properties) return schemaFields(inner, path, depth);
  const items = Array.isArray(inner.items) ? undefined : inner.items;
  if (items && unwrapNullable(items).properties) return schemaFields(items, `${path}[]`, depth);
  return [];
}

/** `T | null` reads as T (the type label says "nullable"). */
function unwrapNullable(schema: JsonSchema): JsonSchema {
  const options = schema.anyOf ?? schema.oneOf;
  if (!options) return schema;
  const nonNull = options.filter((o) => o.type !== "null");
  return nonNull.length === 1 ? { ...nonNull[0], description: schema.description ?? nonNull[0].description } : schema;
}

function descriptionOf(schema: JsonSchema): string | undefined {
  const own = schema.description ?? unwrapNullable(schema).description;
  return typeof own === "string" ? own : undefined;
}

export function typeLabel(schema: JsonSchema): string {
  if (schema.$ref) return "object (recursive)";
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(" | ");
  const options = schema.anyOf ?? schema.oneOf;
  if (options) return [...new Set(options.map(typeLabel))].join(" | ");
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.length === 0) return "any";
  return types
    .map((type) => {
      if (type === "array") {
        const items = Array.isArray(schema.items) ? undefined : schema.items;
        return `${items ? typeLabel(items) : "any"}[]`;
      }
      if (type === "string" && typeof schema.format === "string") return `string (${schema.format})`;
      return type;
    })
    .join(" | ");
}
