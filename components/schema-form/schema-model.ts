/**
 * Reads an operation's input JSON Schema into the few field shapes the form knows how to
 * edit. Anything unusual (mixed unions, free-form values) falls back to a mapping input,
 * so every operation renders without a hand-written form.
 */
import type { JsonSchema } from "@/lib/engine/graph";
import type { ValueTypeName } from "@/lib/engine/mapping";

export type FieldShape =
  | { kind: "value"; valueType: ValueTypeName; format?: string }
  | { kind: "enum"; options: unknown[] }
  | { kind: "boolean" }
  | { kind: "object"; properties: [string, JsonSchema][]; required: Set<string> }
  | { kind: "record"; values: JsonSchema }
  | { kind: "array"; items: JsonSchema };

export const MAX_FORM_DEPTH = 5;

export function resolveRef(schema: JsonSchema, root: JsonSchema): JsonSchema {
  let current = schema;
  for (let hops = 0; current.$ref && hops < 10; hops++) {
    const ref = current.$ref;
    current = ref === "#" ? root : ref.startsWith("#/$defs/") ? (root.$defs?.[decodeURIComponent(ref.slice(8))] ?? {}) : {};
  }
  return current;
}

/** `T | null` reads as T; the description of the wrapper is kept. */
function unwrapNullable(schema: JsonSchema, root: JsonSchema): JsonSchema {
  const resolved = resolveRef(schema, root);
  const variants = resolved.anyOf ?? resolved.oneOf;
  if (variants) {
    const nonNull = variants.filter((v) => resolveRef(v, root).type !== "null");
    if (nonNull.length === 1) return { ...resolveRef(nonNull[0], root), description: resolved.description ?? nonNull[0].description };
  }
  if (Array.isArray(resolved.type)) {
    const types = resolved.type.filter((t) => t !== "null");
    if (types.length === 1) return { ...resolved, type: types[0] };
  }
  return resolved;
}

export function describeSchema(raw: JsonSchema, root: JsonSchema, depth = 0): { shape: FieldShape; schema: JsonSchema } {
  const schema = unwrapNullable(raw, root);
  const any = { shape: { kind: "value", valueType: "any" } as FieldShape, schema };
  if (depth > MAX_FORM_DEPTH || schema.anyOf || schema.oneOf || Array.isArray(schema.type)) return any;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return { shape: { kind: "enum", options: schema.enum }, schema };
  if (schema.const !== undefined) return { shape: { kind: "enum", options: [schema.const] }, schema };
  switch (schema.type) {
    case "boolean":
      return { shape: { kind: "boolean" }, schema };
    case "number":
    case "integer":
      return { shape: { kind: "value", valueType: "number" }, schema };
    case "string": {
      const format = typeof schema.format === "string" ? schema.format : undefined;
      return { shape: { kind: "value", valueType: format === "date-time" || format === "date" ? "datetime" : "string", format }, schema };
    }
    case "array": {
      const items = Array.isArray(schema.items) ? undefined : schema.items;
      return items ? { shape: { kind: "array", items }, schema } : { shape: { kind: "value", valueType: "array" }, schema };
    }
    case "object": {
      if (schema.properties && Object.keys(schema.properties).length > 0) {
        return { shape: { kind: "object", properties: Object.entries(schema.properties), required: new Set(schema.required ?? []) }, schema };
      }
      if (typeof schema.additionalProperties === "object") return { shape: { kind: "record", values: schema.additionalProperties }, schema };
      return { shape: { kind: "value", valueType: "object" }, schema };
    }
    default:
      return any;
  }
}

/** "postalCode" → "Postal code", "address1" → "Address 1". */
export function humanize(name: string): string {
  const spaced = name
    .replace(/[_-]+/g, " ")
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replace(/([a-zA-Z])(\d)/g, "$1 $2")
    .trim();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1).toLowerCase().replace(/\bid\b/g, "ID");
}

/** Required fields first, each group in schema order. */
export function orderedProperties(shape: Extract<FieldShape, { kind: "object" }>): [string, JsonSchema][] {
  return [...shape.properties.filter(([n]) => shape.required.has(n)), ...shape.properties.filter(([n]) => !shape.required.has(n))];
}
