/**
 * Assembles openapi.json. Run `npx tsx contracts/details-flowers/source/build.ts` after editing
 * this folder; a test fails when the committed JSON and this source disagree.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { paths } from "./paths";
import { ref, type Schema } from "./primitives";
import { schemas } from "./schemas";

const DESCRIPTION = [
  "**ASSUMPTION — this is Bloombridge's own contract, not a Details Flowers publication.**",
  "Details Flowers publishes no API. This document is the REST model Bloombridge's connector targets and its",
  "local sandbox implements (see research/details-flowers.md §5). Replace it when the vendor documents a real API.",
  "",
  "Conventions: JSON bodies; ids are opaque strings; timestamps ISO-8601 UTC; money in integer minor units;",
  "every resource carries `externalIds`, `createdAt`, `updatedAt`; deletes are soft and surface in `GET /changes`.",
  "",
  "Auth: OAuth 2.0 client credentials (`POST /oauth/token`) or an account API key, sent as",
  "`Authorization: Bearer <token or key>` or `X-API-Key: <key>`.",
  "",
  "Rate limit: 60 requests per 10 seconds per credential (fixed window). Every response carries `RateLimit-Limit`,",
  "`RateLimit-Remaining` and `RateLimit-Reset` (seconds until the window resets); over the limit you get 429 with `Retry-After`.",
  "",
  "Idempotency: every write accepts `Idempotency-Key`. A repeat with the same key and the same body replays the first",
  "response with `Idempotent-Replayed: true`; the same key with a different body is 422 `idempotency_key_reused`. Keys are",
  "scoped to the credential and kept 24 hours. Only requests that reached the handler are stored (not 401, 422 validation or 429).",
  "",
  "Errors: always `{ error: { code, message, details?, requestId } }`.",
].join("\n");

const intHeader = (description: string) => ({ description, schema: { type: "integer", minimum: 0 } });
const errorResponse = (description: string, headers: Schema = {}) => ({
  description,
  headers: { "X-Request-Id": { $ref: "#/components/headers/X-Request-Id" }, ...headers },
  content: { "application/json": { schema: ref("Error") } },
});

export function buildOpenApi(): Schema {
  return {
    openapi: "3.1.0",
    info: {
      title: "Details Flowers API (Bloombridge contract — ASSUMPTION)",
      version: "0.1.0",
      description: DESCRIPTION,
      "x-bloombridge-assumption": true,
    },
    "x-bloombridge-assumption": {
      assumed: true,
      statement: "Bloombridge's own assumed contract for Details Flowers. Details Flowers has not published or confirmed any of it.",
      source: "research/details-flowers.md §5",
    },
    servers: [
      { url: "https://api.detailsflowers.example/v1", description: "Placeholder production host (no real API exists yet)" },
      { url: "http://127.0.0.1:4020/v1", description: "Bloombridge local sandbox (npm run sandbox:df)" },
    ],
    security: [{ oauth2: [] }, { bearerAuth: [] }, { apiKeyHeader: [] }],
    tags: ["Auth", "Clients", "Events", "Tasks", "Notes", "Appointments", "Orders", "Changes", "Webhooks"].map((name) => ({ name })),
    paths,
    webhooks: {
      delivery: {
        post: {
          operationId: "receiveWebhook",
          summary: "A webhook delivery (sent by Details Flowers to a subscriber)",
          description: "Verify X-DF-Signature over the raw body before parsing. Reply 2xx within 10 s; anything else is retried with exponential backoff.",
          parameters: [
            { name: "X-DF-Signature", in: "header", required: true, description: "t=<unix seconds>,v1=<hex HMAC-SHA256 of \"<t>.<raw body>\">", schema: { type: "string", pattern: "^t=[0-9]+,v1=[0-9a-f]{64}$" } },
            { name: "X-DF-Webhook-Id", in: "header", required: true, description: "Event id, stable across retries; deduplicate on it", schema: { type: "string" } },
          ],
          requestBody: { required: true, content: { "application/json": { schema: ref("WebhookDelivery") } } },
          responses: { 200: { description: "Accepted; any 2xx works" } },
        },
      },
    },
    components: {
      schemas,
      securitySchemes: {
        oauth2: {
          type: "oauth2",
          description: "Client-credentials grant; scopes read and write (default both)",
          flows: { clientCredentials: { tokenUrl: "https://api.detailsflowers.example/v1/oauth/token", scopes: { read: "Read records", write: "Create, change and delete records" } } },
        },
        bearerAuth: { type: "http", scheme: "bearer", description: "Account API key (or an OAuth access token) as a bearer token" },
        apiKeyHeader: { type: "apiKey", in: "header", name: "X-API-Key", description: "Account API key" },
      },
      parameters: {
        Cursor: { name: "cursor", in: "query", description: "Opaque cursor from a previous page's nextCursor", schema: { type: "string", minLength: 1, maxLength: 500 } },
        Limit: { name: "limit", in: "query", description: "Page size, 1–200 (default 50)", schema: { type: "integer", minimum: 1, maximum: 200, default: 50 } },
        UpdatedSince: { name: "updatedSince", in: "query", description: "Only records with updatedAt at or after this instant (ISO-8601)", schema: { type: "string", format: "date-time" } },
        IdempotencyKey: { name: "Idempotency-Key", in: "header", description: "Unique key per logical write; retries with the same key and body replay the first response", schema: { type: "string", minLength: 1, maxLength: 255 } },
      },
      headers: {
        "RateLimit-Limit": intHeader("Requests allowed per window for this credential"),
        "RateLimit-Remaining": intHeader("Requests left in the current window"),
        "RateLimit-Reset": intHeader("Seconds until the current window resets"),
        "Retry-After": intHeader("Seconds to wait before retrying"),
        "Idempotent-Replayed": { description: "\"true\" when this response is a replay of an earlier request with the same Idempotency-Key", schema: { type: "string", enum: ["true"] } },
        "X-Request-Id": { description: "Id of this request (also in error bodies)", schema: { type: "string" } },
      },
      responses: {
        Unauthorized: errorResponse("unauthorized: missing, unknown or expired credential"),
        Forbidden: errorResponse("forbidden: the credential lacks the scope for this call (e.g. a read-only token writing)"),
        NotFound: errorResponse("not_found: no such record (or it was deleted)"),
        Conflict: errorResponse("conflict: the write clashes with existing data, e.g. an externalIds value owned by another record"),
        ValidationFailed: errorResponse("validation_failed (with per-field details) or idempotency_key_reused"),
        RateLimited: errorResponse("rate_limited: too many requests", {
          "Retry-After": { $ref: "#/components/headers/Retry-After" },
          "RateLimit-Limit": { $ref: "#/components/headers/RateLimit-Limit" },
          "RateLimit-Remaining": { $ref: "#/components/headers/RateLimit-Remaining" },
          "RateLimit-Reset": { $ref: "#/components/headers/RateLimit-Reset" },
        }),
        Internal: errorResponse("internal: unexpected server error; safe to retry writes with the same Idempotency-Key"),
      },
    },
  };
}

export const OPENAPI_PATH = fileURLToPath(new URL("../openapi.json", import.meta.url));

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(OPENAPI_PATH, JSON.stringify(buildOpenApi(), null, 2) + "\n");
  console.log(`wrote ${OPENAPI_PATH}`);
}
