/** Tiny JSON Schema builders so every property carries a description. */
export type Schema = Record<string, unknown>;

export const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });

export const str = (description: string, extra: Schema = {}): Schema => ({ type: "string", description, ...extra });
export const int = (description: string, extra: Schema = {}): Schema => ({ type: "integer", description, ...extra });
export const bool = (description: string, extra: Schema = {}): Schema => ({ type: "boolean", description, ...extra });
export const dateTime = (description: string): Schema => str(description, { format: "date-time" });
export const arr = (description: string, items: Schema, extra: Schema = {}): Schema => ({ type: "array", description, items, ...extra });

/** Adds `null` to a schema's type (OpenAPI 3.1 style), or wraps a $ref in anyOf. */
export function nullable(schema: Schema): Schema {
  if ("$ref" in schema) {
    const { description, ...rest } = schema;
    return { description, anyOf: [rest, { type: "null" }] };
  }
  if (Array.isArray(schema.enum)) {
    // An enum plus null reads more plainly to code generators as anyOf than as enum-with-null.
    const { description, ...rest } = schema;
    return { description, anyOf: [rest, { type: "null" }] };
  }
  return { ...schema, type: [schema.type, "null"] };
}

/** Describes a $ref property without losing the description. */
export const refProp = (name: string, description: string): Schema => ({ ...ref(name), description });

export function object(description: string, properties: Record<string, Schema>, required: string[] | "all" = [], extra: Schema = {}): Schema {
  return {
    type: "object",
    description,
    properties,
    required: required === "all" ? Object.keys(properties) : required,
    ...extra,
  };
}

/** A request body object: unknown fields are rejected so typos surface as 422. */
export function input(description: string, properties: Record<string, Schema>, required: string[] = [], extra: Schema = {}): Schema {
  return object(description, properties, required, { additionalProperties: false, ...extra });
}

/** Same properties, all optional, at least one present: the PATCH shape. */
export function patchOf(description: string, properties: Record<string, Schema>): Schema {
  return input(description, properties, [], { minProperties: 1 });
}

export const E164 = "^\\+[1-9][0-9]{6,14}$";
export const ID = { type: "string", minLength: 1, maxLength: 64 };
