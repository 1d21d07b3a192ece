/**
 * Hand-maintained additions to the vendored GHL OpenAPI spec (vendor/ghl-openapi), merged by
 * `scripts/gen-ghl-schemas.ts` before code generation. Everything here fills a gap or fixes a
 * mistake in the upstream spec; each entry says which and cites /work/shared/research/ghl-api.md.
 * Keep it as JSON-Schema data: the generator stays the only place that emits zod code.
 */

export type JsonSchema = { [key: string]: unknown };

export type OperationPatch = {
  /** Path or query parameters the spec forgot to declare. */
  parameters?: JsonSchema[];
  /** Replaces the 2xx response schema. */
  response?: JsonSchema;
  /** Scopes for operations whose `security` is missing. */
  scopes?: string[];
};

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** Filter operand of `POST /contacts/search`; `range` takes an object (ghl-api.md §3.5). */
const filterValue = {
  description: "Value to compare with (≤ 75 characters). For `range` an object with gt/gte/lt/lte; omit for exists/not_exists",
  anyOf: [
    { type: "string" },
    { type: "number" },
    { type: "boolean" },
    { type: "array", items: { type: "string" } },
    { $ref: "#/components/schemas/SearchRangeValue" },
  ],
};

const filterProperties = {
  field: { type: "string", description: "Contact field to filter on, e.g. dateUpdated, dateAdded, email, tags, dnd", example: "dateUpdated" },
  operator: {
    type: "string",
    enum: ["eq", "not_eq", "contains", "not_contains", "exists", "not_exists", "range"],
    description: "Comparison operator",
    example: "range",
  },
  value: filterValue,
};

/** New components, referenced from the patches below. */
export const supplementComponents: Record<string, JsonSchema> = {
  // SearchBodyV2DTO is an empty object upstream; shape from ghl-api.md §3.5 (GHL issue #31).
  SearchBodyV2DTO: {
    type: "object",
    properties: {
      locationId: { type: "string", description: "Location (sub-account) to search in", example: "ve9EPM428h8vShlRW1KT" },
      pageLimit: { type: "number", description: "Results per page, at most 500", example: 100 },
      page: { type: "number", description: "1-based page number; standard paging reaches at most 10,000 records", example: 1 },
      searchAfter: {
        type: "array",
        items: { anyOf: [{ type: "string" }, { type: "number" }] },
        description: "Cursor from the last result of the previous page, for more than 10,000 records; do not combine with page",
      },
      query: { type: "string", description: "Free-text search over name, email, phone and company (≤ 75 characters)", example: "rubika" },
      filters: {
        type: "array",
        items: { anyOf: [ref("SearchFilter"), ref("SearchFilterGroup")] },
        description: "Filters, combined with AND; use a group for OR",
      },
      sort: { type: "array", items: ref("SearchSort"), description: "Sort order, first entry wins" },
    },
    required: ["locationId", "pageLimit"],
  },
  SearchFilter: { type: "object", properties: filterProperties, required: ["field", "operator"] },
  SearchFilterGroup: {
    type: "object",
    properties: {
      group: { type: "string", enum: ["AND", "OR"], description: "How the filters of the group combine" },
      filters: { type: "array", items: ref("SearchFilter"), description: "Filters of the group" },
    },
    required: ["group", "filters"],
  },
  SearchRangeValue: {
    type: "object",
    properties: {
      gt: { anyOf: [{ type: "string" }, { type: "number" }], description: "Strictly greater than" },
      gte: { anyOf: [{ type: "string" }, { type: "number" }], description: "Greater than or equal to" },
      lt: { anyOf: [{ type: "string" }, { type: "number" }], description: "Strictly less than" },
      lte: { anyOf: [{ type: "string" }, { type: "number" }], description: "Less than or equal to" },
    },
  },
  SearchSort: {
    type: "object",
    properties: {
      field: { type: "string", description: "Field to sort by, e.g. dateUpdated or dateAdded", example: "dateUpdated" },
      direction: { type: "string", enum: ["asc", "desc"], description: "Sort direction" },
    },
    required: ["field", "direction"],
  },
  // Search items are full contacts in practice, not the thin ContactsSearchSchema (§3.1).
  SearchContactSchema: {
    allOf: [
      ref("GetContectByIdSchema"),
      {
        type: "object",
        properties: {
          searchAfter: {
            type: "array",
            items: { anyOf: [{ type: "string" }, { type: "number" }] },
            description: "Cursor to pass as searchAfter to continue after this contact",
          },
        },
      },
    ],
  },
  // The search response has no schema upstream; key names per §3.5 (`total` is UNVERIFIED).
  SearchContactsSuccessfulResponseDto: {
    type: "object",
    properties: {
      contacts: { type: "array", items: ref("SearchContactSchema"), description: "Matching contacts" },
      total: { type: "number", description: "Total number of matching contacts", example: 1 },
    },
  },
  // /contacts/search/duplicate 200 has no schema upstream; §2 row 8 (UNVERIFIED).
  GetDuplicateContactSuccessfulResponseDto: {
    type: "object",
    properties: {
      contact: { ...ref("GetContectByIdSchema"), nullable: true, description: "The existing contact, or null when none matches" },
    },
  },
  // Upstream items are nine copies of `{ id*, key, field_value }`; GHL accepts id OR key, and
  // `fieldValue` as the newer spelling (§3.2, GHL issue #320).
  CustomFieldInput: {
    type: "object",
    properties: {
      id: { type: "string", description: "Custom field id (pass id or key)", example: "6dvNaf7VhkQ9snc5vnjJ" },
      key: { type: "string", description: "Custom field key (pass id or key)", example: "my_custom_field" },
      field_value: {
        description: "Value: text, number, list of options, or a file-upload map depending on the field type",
        anyOf: [{ type: "string" }, { type: "number" }, { type: "array", items: { type: "string" } }, { type: "object" }],
        example: "My Text",
      },
      fieldValue: {
        description: "Same as field_value (newer spelling accepted by GHL)",
        anyOf: [{ type: "string" }, { type: "number" }, { type: "array", items: { type: "string" } }, { type: "object" }],
      },
    },
  },
  // UpdateTagsResponseDTO.responses declares string items but its example holds objects.
  BulkTagsContactResult: {
    type: "object",
    properties: {
      contactId: { type: "string", description: "Contact the result is about" },
      message: { type: "string", description: "Outcome message, e.g. Tags updated" },
      type: { type: "string", description: "success or error" },
      oldTags: { type: "array", items: { type: "string" }, description: "Tags before the update" },
      tagsAdded: { type: "array", items: { type: "string" }, description: "Tags that were added" },
      tagsRemoved: { type: "array", items: { type: "string" }, description: "Tags that were removed" },
    },
  },
};

const dateOfBirth = {
  type: "string",
  nullable: true,
  description:
    "The birth date of the contact. Supported formats: YYYY/MM/DD, MM/DD/YYYY, YYYY-MM-DD, MM-DD-YYYY, YYYY.MM.DD, MM.DD.YYYY, YYYY_MM_DD, MM_DD_YYYY",
  example: "1990-09-25",
};
const customFieldsInput = { type: "array", items: ref("CustomFieldInput"), description: "Custom field values to set" };

/** `Component.property` → replacement property schema. */
export const propertyPatches: Record<string, JsonSchema> = {
  // Upstream says `type: object` with a string example; GHL takes a date string.
  "CreateContactDto.dateOfBirth": dateOfBirth,
  "UpdateContactDto.dateOfBirth": dateOfBirth,
  "UpsertContactDto.dateOfBirth": dateOfBirth,
  "CreateContactDto.customFields": customFieldsInput,
  "UpdateContactDto.customFields": customFieldsInput,
  "UpsertContactDto.customFields": customFieldsInput,
  // Upstream says `type: string`; webhook payloads and the create schema carry arrays.
  "GetContectByIdSchema.attachments": { description: "Attachments", anyOf: [{ type: "string" }, { type: "array", items: {} }] },
  // Upstream says `type: string`; numeric, checkbox and file fields return numbers, lists and
  // objects (§3.2; the webhook schemas declare string | number | array | object).
  "CustomFieldSchema.value": {
    description: "Field value: text, number, list of options or a file map, depending on the field type",
    anyOf: [{ type: "string" }, { type: "number" }, { type: "array", items: {} }, { type: "object" }],
    example: "name",
  },
  "UpdateTagsResponseDTO.responses": {
    type: "array",
    items: { anyOf: [{ type: "string" }, ref("BulkTagsContactResult")] },
    description: "Responses for each contact processed",
  },
};

/** Keyed by operationId. */
export const operationPatches: Record<string, OperationPatch> = {
  "search-contacts-advanced": { response: ref("SearchContactsSuccessfulResponseDto") },
  "get-duplicate-contact": { response: ref("GetDuplicateContactSuccessfulResponseDto") },
  // `{type}` is in the path but undeclared; values from the operation description (§2 row 10).
  "create-association": {
    parameters: [
      {
        name: "type",
        in: "path",
        required: true,
        description: "Whether to add or remove the tags",
        schema: { type: "string", enum: ["add", "remove"], example: "add" },
      },
    ],
    scopes: ["contacts.write"],
  },
  // Both bulk operations declare no `security`; they write contacts, so contacts.write (assumed).
  "add-remove-contact-from-business": { scopes: ["contacts.write"] },
};

/** Fields every webhook delivery carries besides the per-event ones (ghl-api.md §7.1). */
export const webhookCommonProperties: Record<string, JsonSchema> = {
  webhookId: { type: "string", description: "Unique delivery id; use it to drop duplicate deliveries" },
  timestamp: { type: "string", description: "When GHL sent the webhook, ISO-8601; reject stale deliveries" },
};

/** Value of the payload's `type` field where it differs from the event's name. */
export const webhookEventTypes: Record<string, string> = { AppInstall: "INSTALL", AppUninstall: "UNINSTALL" };
