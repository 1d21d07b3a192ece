/**
 * Deliberate, documented deviations from the vendored spec, applied to an in-memory copy.
 * Each one closes a gap between the generated OpenAPI and what GHL really accepts
 * (ghl-api.md §3.2, §3.5); nothing else about the spec is changed.
 */
type Json = Record<string, unknown>;
type Schemas = Record<string, Json>;

const CONTACT_DTOS = ["CreateContactDto", "UpdateContactDto", "UpsertContactDto"];
const STRICT_BODIES = [...CONTACT_DTOS, "CreateTaskParams", "UpdateTaskBody", "NotesDTO", "UpdateNoteDTO", "UpdateTaskStatusParams"];

/** Swagger emitted `type: object` for "any" fields whose examples are strings or numbers. */
function relaxUntypedObjects(node: unknown) {
  if (!node || typeof node !== "object") return;
  const obj = node as Json;
  if (obj.type === "object" && !obj.properties && "example" in obj) {
    const ex = obj.example;
    if (ex === null || typeof ex !== "object" || Array.isArray(ex)) {
      delete obj.type;
      delete obj.nullable; // ajv rejects `nullable` without `type`; untyped already admits null
    }
  }
  for (const v of Object.values(obj)) relaxUntypedObjects(v);
}

const customFieldInput: Json = {
  type: "object",
  properties: {
    id: { type: "string" },
    key: { type: "string" },
    // v2 documents `field_value`; v3 and live v2 also take `fieldValue` (GHL issue #320).
    field_value: {},
    fieldValue: {},
    value: {},
  },
  anyOf: [{ required: ["id"] }, { required: ["key"] }],
};

const searchFilterItem: Json = {
  type: "object",
  properties: {
    field: { type: "string" },
    operator: { type: "string", enum: ["eq", "not_eq", "contains", "not_contains", "exists", "not_exists", "range"] },
    value: {},
    group: { type: "string", enum: ["AND", "OR"] },
    filters: { type: "array", items: { $ref: "#/components/schemas/SearchFilterItem" } },
  },
  anyOf: [{ required: ["field", "operator"] }, { required: ["group", "filters"] }],
};

const searchBody: Json = {
  type: "object",
  required: ["locationId", "pageLimit"],
  additionalProperties: false,
  properties: {
    locationId: { type: "string" },
    pageLimit: { type: "integer", minimum: 1, maximum: 500 },
    page: { type: "integer", minimum: 1 },
    searchAfter: { type: "array" },
    query: { type: "string", maxLength: 75 },
    filters: { type: "array", items: { $ref: "#/components/schemas/SearchFilterItem" } },
    sort: {
      type: "array",
      items: {
        type: "object",
        required: ["field", "direction"],
        properties: { field: { type: "string" }, direction: { type: "string", enum: ["asc", "desc"] } },
      },
    },
  },
};

export function patchContactsSpec(doc: Json): Json {
  const copy = structuredClone(doc) as Json;
  const schemas = (copy.components as { schemas: Schemas }).schemas;
  relaxUntypedObjects(schemas);
  for (const name of CONTACT_DTOS) {
    const props = schemas[name].properties as Schemas;
    props.customFields = { type: "array", items: customFieldInput };
    props.email = { ...props.email, format: "email" };
    // Live API fields missing from the spec (GHL issue #59) and companyName on update (§3.2).
    props.additionalEmails = { type: "array" };
    props.additionalPhones = { type: "array" };
    props.companyName ??= { type: "string", nullable: true };
  }
  // class-validator's forbidNonWhitelisted: unknown fields → "property x should not exist".
  for (const name of STRICT_BODIES) schemas[name].additionalProperties = false;
  schemas.SearchBodyV2DTO = searchBody;
  schemas.SearchFilterItem = searchFilterItem;

  const paths = copy.paths as Record<string, Record<string, { parameters?: { name: string; schema: Json }[] }>>;
  for (const p of paths["/contacts/"].get.parameters ?? []) {
    if (p.name === "limit") p.schema = { ...p.schema, maximum: 100, minimum: 1 };
  }
  return copy;
}
