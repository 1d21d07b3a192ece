/** Assembles the OpenAPI 3.1 document from ENDPOINTS and their zod schemas. */
import { z } from "zod";
import { ENDPOINTS, type Endpoint } from "./endpoints";
import { errorSchema } from "./schemas";

type JsonObject = Record<string, unknown>;

const ERROR_TEXT: Record<number, string> = {
  400: "The body is not valid JSON",
  401: "Missing, invalid or revoked API key",
  403: "The API key's role is too low for this operation",
  404: "No such resource; the message names the id",
  409: "The resource is in a state that does not allow this (e.g. the run is still in progress)",
  413: "The body is larger than the server's limit (1 MB unless BLOOMBRIDGE_MAX_API_BODY_BYTES says otherwise)",
  415: "The body is not sent as Content-Type: application/json",
  422: "Validation failed; details lists each field and what is wrong (also text that cannot be stored: \\u0000, unpaired surrogates, nesting deeper than 512)",
};

/**
 * One registry for all schemas, so `.meta({ id })` shapes become shared components and are
 * referenced, not repeated. Input side for request bodies and query strings, output side for responses.
 */
function convert(schema: z.ZodType, io: "input" | "output"): JsonObject {
  const json = z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" });
  return JSON.parse(JSON.stringify(json).replaceAll('"#/$defs/', '"#/components/schemas/')) as JsonObject;
}

/** Pulls `$defs` out into components (schemas named with `.meta({ id })`). */
function hoist(json: JsonObject, components: JsonObject): JsonObject {
  const { $defs, $schema: _ignored, ...rest } = json as JsonObject & { $defs?: JsonObject; $schema?: string };
  void _ignored;
  for (const [name, def] of Object.entries($defs ?? {})) components[name] ??= def;
  return rest;
}

function parameters(endpoint: Endpoint, components: JsonObject) {
  const list: JsonObject[] = [];
  for (const [where, schema] of [["path", endpoint.params], ["query", endpoint.query]] as const) {
    if (!schema) continue;
    const json = hoist(convert(schema, "input"), components) as { properties?: Record<string, JsonObject>; required?: string[] };
    for (const [name, property] of Object.entries(json.properties ?? {})) {
      const { description, ...rest } = property;
      list.push({ name, in: where, required: where === "path" || (json.required ?? []).includes(name), ...(description ? { description } : {}), schema: rest });
    }
  }
  return list;
}

function operation(endpoint: Endpoint, components: JsonObject): JsonObject {
  const errorStatuses: number[] = [...(endpoint.role === "public" ? [] : [401, 403]), ...(endpoint.errors ?? [])];
  if (endpoint.body) errorStatuses.push(400, 413, 415, 422);
  if (endpoint.query) errorStatuses.push(422);
  return {
    operationId: endpoint.operationId,
    summary: endpoint.summary,
    tags: [endpoint.tag],
    ...(endpoint.role === "public" ? { security: [] } : { description: `Needs the **${endpoint.role}** role.` }),
    parameters: parameters(endpoint, components),
    ...(endpoint.body
      ? { requestBody: { required: true, content: { "application/json": { schema: hoist(convert(endpoint.body, "input"), components) } } } }
      : {}),
    responses: {
      [endpoint.status]: { description: "Success", content: { "application/json": { schema: hoist(convert(endpoint.response, "output"), components) } } },
      ...Object.fromEntries(
        [...new Set(errorStatuses)].sort().map((status) => [status, { description: ERROR_TEXT[status], content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } }]),
      ),
    },
  };
}

export function openApiDocument(serverUrl = "/api/v1"): JsonObject {
  const components: JsonObject = { Error: hoist(convert(errorSchema, "output"), {}) };
  const paths: Record<string, JsonObject> = {};
  for (const endpoint of ENDPOINTS) {
    paths[endpoint.path] ??= {};
    paths[endpoint.path][endpoint.method] = operation(endpoint, components);
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Bloombridge API",
      version: "1.0.0",
      description: "Manage workflows and runs. Authenticate with `Authorization: Bearer bb_…` (Settings → API keys).",
    },
    servers: [{ url: serverUrl }],
    security: [{ apiKey: [] }],
    tags: [{ name: "Workflows" }, { name: "Runs" }, { name: "Backfills" }, { name: "Templates" }, { name: "Catalog" }, { name: "Meta" }],
    paths,
    components: { schemas: components, securitySchemes: { apiKey: { type: "http", scheme: "bearer", description: "An API key: bb_…" } } },
  };
}
