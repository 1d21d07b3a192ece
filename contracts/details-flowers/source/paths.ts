/** Operations of the assumed Details Flowers contract. */
import { RESOURCE_TYPES } from "./schemas";
import { E164, ref, type Schema } from "./primitives";

type Param = Schema & { name: string; in: "query" | "path" | "header" };
type OpSpec = {
  id: string;
  tag: string;
  summary: string;
  description: string;
  params?: (Param | Schema)[];
  body?: { schema: string; required?: boolean };
  ok: Record<string, { description: string; schema?: string }>;
  errors?: number[];
  auth?: false;
};

const p = (name: string) => ({ $ref: `#/components/parameters/${name}` });
const q = (name: string, description: string, schema: Schema, extra: Schema = {}): Param =>
  ({ name, in: "query", description, schema, ...extra });
const idParam = (what: string) => ({ name: "id", in: "path" as const, required: true, description: `The ${what}'s id`, schema: { type: "string", minLength: 1, maxLength: 64 } });

const RATE_HEADERS = {
  "RateLimit-Limit": { $ref: "#/components/headers/RateLimit-Limit" },
  "RateLimit-Remaining": { $ref: "#/components/headers/RateLimit-Remaining" },
  "RateLimit-Reset": { $ref: "#/components/headers/RateLimit-Reset" },
  "X-Request-Id": { $ref: "#/components/headers/X-Request-Id" },
};
const ERROR_RESPONSES: Record<number, string> = {
  401: "Unauthorized", 403: "Forbidden", 404: "NotFound", 409: "Conflict", 422: "ValidationFailed", 429: "RateLimited", 500: "Internal",
};

function operation(method: string, spec: OpSpec) {
  const write = method !== "get";
  const responses: Record<string, unknown> = {};
  for (const [status, r] of Object.entries(spec.ok)) {
    responses[status] = {
      description: r.description,
      headers: write ? { ...RATE_HEADERS, "Idempotent-Replayed": { $ref: "#/components/headers/Idempotent-Replayed" } } : RATE_HEADERS,
      ...(r.schema ? { content: { "application/json": { schema: ref(r.schema) } } } : {}),
    };
  }
  const errors = new Set([...(spec.auth === false ? [] : [401, 403]), 422, 429, 500, ...(spec.errors ?? [])]);
  for (const status of [...errors].sort()) responses[status] = { $ref: `#/components/responses/${ERROR_RESPONSES[status]}` };
  const params = [...(spec.params ?? []), ...(write && spec.auth !== false ? [p("IdempotencyKey")] : [])];
  return {
    operationId: spec.id,
    tags: [spec.tag],
    summary: spec.summary,
    description: spec.description,
    ...(params.length ? { parameters: params } : {}),
    ...(spec.body
      ? { requestBody: { required: spec.body.required ?? true, content: { "application/json": { schema: ref(spec.body.schema) } } } }
      : {}),
    responses,
    ...(spec.auth === false ? { security: [] } : {}),
  };
}

const page = [p("Cursor"), p("Limit"), p("UpdatedSince")];
const withDeleted = q("includeDeleted", "Also return soft-deleted records (default false)", { type: "boolean", default: false });
const byClient = q("clientId", "Only records of this client", { type: "string", minLength: 1, maxLength: 64 });
const byEvent = q("eventId", "Only records tied to this event", { type: "string", minLength: 1, maxLength: 64 });
const enumRef = (schema: string, prop: string) => ({ $ref: `#/components/schemas/${schema}/properties/${prop}` });

/** A child resource (task, note, appointment) created under a client, listed top-level. */
function child(name: string, plural: string, tag: string, extraListParams: Param[], extraOps: Record<string, Record<string, unknown>> = {}) {
  const Name = name[0].toUpperCase() + name.slice(1);
  return {
    [`/${plural}`]: {
      get: operation("get", {
        id: `list${Name}s`, tag, summary: `List ${plural}`,
        description: `Lists live ${plural} across all clients, oldest change first (ordered by updatedAt, then id). Poll with updatedSince for incremental sync; use the change feed to learn about deletions.`,
        params: [byClient, byEvent, ...extraListParams, withDeleted, ...page],
        ok: { 200: { description: `A page of ${plural}`, schema: `${Name}List` } },
      }),
    },
    [`/${plural}/{id}`]: {
      get: operation("get", {
        id: `get${Name}`, tag, summary: `Get a ${name}`, description: `Returns one live ${name}; soft-deleted ones are 404.`,
        params: [idParam(name)], ok: { 200: { description: `The ${name}`, schema: Name } }, errors: [404],
      }),
      patch: operation("patch", {
        id: `update${Name}`, tag, summary: `Update a ${name}`,
        description: `Changes the given fields; omitted fields stay, null clears a nullable field, externalIds merge key by key. eventId must belong to the same client.`,
        params: [idParam(name)], body: { schema: `${Name}Patch` },
        ok: { 200: { description: `The updated ${name}`, schema: Name } }, errors: [404, 409],
      }),
      delete: operation("delete", {
        id: `delete${Name}`, tag, summary: `Delete a ${name}`,
        description: `Soft-deletes the ${name}: it disappears from lists and gets, and a \`deleted\` entry appears in the change feed.`,
        params: [idParam(name)], ok: { 204: { description: "Deleted" } }, errors: [404],
      }),
    },
    [`/clients/{id}/${plural}`]: {
      post: operation("post", {
        id: `create${Name}`, tag, summary: `Create a ${name} for a client`,
        description: `Creates a ${name} under the client. eventId, when given, must be an event of the same client (422 otherwise).`,
        params: [idParam("client")], body: { schema: `${Name}Create` },
        ok: { 201: { description: `The created ${name}`, schema: Name } }, errors: [404, 409],
      }),
    },
    ...extraOps,
  };
}

export const paths: Record<string, unknown> = {
  "/oauth/token": {
    post: {
      ...operation("post", {
        id: "createToken", tag: "Auth", auth: false, summary: "Get an access token (client credentials)",
        description: "OAuth 2.0 client-credentials grant. Send client_id and client_secret form-encoded; use the returned access_token as `Authorization: Bearer <token>` until expires_in elapses, then ask again. An account API key can be used instead of a token.",
        ok: { 200: { description: "A token", schema: "TokenResponse" } }, errors: [401],
      }),
      requestBody: { required: true, content: { "application/x-www-form-urlencoded": { schema: ref("TokenRequest") } } },
    },
  },
  "/clients": {
    get: operation("get", {
      id: "listClients", tag: "Clients", summary: "List or find clients",
      description: "Lists live clients ordered by updatedAt then id. Filter by email (case-insensitive exact) or phone (E.164 exact) to look one up; never by name.",
      params: [
        q("email", "Exact email, compared case-insensitively", { type: "string", format: "email" }),
        q("phone", "Exact phone in E.164", { type: "string", pattern: E164 }),
        withDeleted, ...page,
      ],
      ok: { 200: { description: "A page of clients", schema: "ClientList" } },
    }),
  },
  "/clients/upsert": {
    post: operation("post", {
      id: "upsertClient", tag: "Clients", summary: "Create or update a client by match keys",
      description: "Tries each key in `match`, in order, against live clients: `id`, `externalIds.ghl`, `email` (case-insensitive), `phone` (E.164). Keys whose value is absent from `client` are skipped. The first hit is updated (fields present overwrite, externalIds merge); when nothing hits, a client is created. If several clients share an email or phone, the oldest wins. A name alone never matches. 409 when the matched client already carries a different value for an externalIds key being written, or when a new externalIds value belongs to another client. The check and the write are atomic, so concurrent upserts of the same person yield one client.",
      body: { schema: "UpsertClientRequest" },
      ok: { 200: { description: "An existing client was updated", schema: "UpsertClientResponse" }, 201: { description: "A new client was created", schema: "UpsertClientResponse" } },
      errors: [409],
    }),
  },
  "/clients/{id}": {
    get: operation("get", {
      id: "getClient", tag: "Clients", summary: "Get a client", description: "Returns one live client; soft-deleted clients are 404.",
      params: [idParam("client")], ok: { 200: { description: "The client", schema: "Client" } }, errors: [404],
    }),
    patch: operation("patch", {
      id: "updateClient", tag: "Clients", summary: "Update a client",
      description: "Changes the given fields; omitted fields stay, null clears a nullable field, tags replace the set, externalIds merge key by key. 409 when an externalIds value already belongs to another client.",
      params: [idParam("client")], body: { schema: "ClientPatch" },
      ok: { 200: { description: "The updated client", schema: "Client" } }, errors: [404, 409],
    }),
    delete: operation("delete", {
      id: "deleteClient", tag: "Clients", summary: "Delete a client",
      description: "Soft-deletes the client and its tasks, notes and appointments (each gets a `deleted` change). Events and orders are kept as history.",
      params: [idParam("client")], ok: { 204: { description: "Deleted" } }, errors: [404],
    }),
  },
  "/client-events": {
    post: operation("post", {
      id: "createClientEvent", tag: "Events", summary: "Create a client and an event in one call",
      description: "The API equivalent of the Zapier action \"Create Client-Event\": upserts the client with the same match rules as /clients/upsert, then creates the event for it. Both happen atomically.",
      body: { schema: "CreateClientEventRequest" },
      ok: { 201: { description: "The event was created", schema: "CreateClientEventResponse" } }, errors: [409],
    }),
  },
  "/events": {
    get: operation("get", {
      id: "listEvents", tag: "Events", summary: "List events",
      description: "Lists events across clients ordered by updatedAt then id.",
      params: [byClient, q("status", "Only events in this status", enumRef("Event", "status")), ...page],
      ok: { 200: { description: "A page of events", schema: "EventList" } },
    }),
  },
  "/events/{id}": {
    get: operation("get", {
      id: "getEvent", tag: "Events", summary: "Get an event", description: "Returns one event.",
      params: [idParam("event")], ok: { 200: { description: "The event", schema: "Event" } }, errors: [404],
    }),
    patch: operation("patch", {
      id: "updateEvent", tag: "Events", summary: "Update an event",
      description: "Changes the given fields; cancel an event by setting status to cancelled (events are not deleted).",
      params: [idParam("event")], body: { schema: "EventPatch" },
      ok: { 200: { description: "The updated event", schema: "Event" } }, errors: [404, 409],
    }),
  },
  "/clients/{id}/events": {
    post: operation("post", {
      id: "createEvent", tag: "Events", summary: "Create an event for a client", description: "Creates an event under an existing client.",
      params: [idParam("client")], body: { schema: "EventCreate" },
      ok: { 201: { description: "The created event", schema: "Event" } }, errors: [404, 409],
    }),
  },
  ...child("task", "tasks", "Tasks", [q("completed", "Only done (true) or open (false) tasks", { type: "boolean" })], {
    "/tasks/{id}/complete": {
      post: operation("post", {
        id: "completeTask", tag: "Tasks", summary: "Mark a task done",
        description: "Sets completed=true and completedAt (now unless given). Completing a done task changes nothing and returns it.",
        params: [idParam("task")], body: { schema: "CompleteTaskRequest", required: false },
        ok: { 200: { description: "The completed task", schema: "Task" } }, errors: [404],
      }),
    },
  }),
  ...child("note", "notes", "Notes", [q("pinned", "Only pinned (true) or unpinned (false) notes", { type: "boolean" })]),
  ...child("appointment", "appointments", "Appointments", [
    q("from", "Only appointments ending at or after this instant", { type: "string", format: "date-time" }),
    q("to", "Only appointments starting before this instant", { type: "string", format: "date-time" }),
    q("status", "Only appointments in this status", enumRef("Appointment", "status")),
  ]),
  "/orders": {
    get: operation("get", {
      id: "listOrders", tag: "Orders", summary: "List orders and proposals",
      description: "Read-only. Lists orders and proposals ordered by updatedAt then id.",
      params: [byClient, byEvent, q("status", "Only orders in this status", enumRef("Order", "status")), q("kind", "Only orders or only proposals", enumRef("Order", "kind")), ...page],
      ok: { 200: { description: "A page of orders", schema: "OrderList" } },
    }),
  },
  "/orders/{id}": {
    get: operation("get", {
      id: "getOrder", tag: "Orders", summary: "Get an order or proposal", description: "Read-only.",
      params: [idParam("order")], ok: { 200: { description: "The order", schema: "Order" } }, errors: [404],
    }),
  },
  "/changes": {
    get: operation("get", {
      id: "listChanges", tag: "Changes", summary: "Read the change feed",
      description: "Every create, update and delete of every resource, in seq order. Start with since=0, then pass nextCursor back as since. Deletions appear here even though deleted records leave the lists.",
      params: [
        q("since", "Return changes with seq greater than this (a previous nextCursor); default 0", { type: "string", pattern: "^[0-9]+$", default: "0" }),
        q("types", "Comma-separated resource types to include, e.g. client,task; default all", { type: "array", items: { type: "string", enum: [...RESOURCE_TYPES] }, uniqueItems: true }, { style: "form", explode: false }),
        p("Limit"),
      ],
      ok: { 200: { description: "A page of changes", schema: "ChangeList" } },
    }),
  },
  "/webhooks": {
    get: operation("get", {
      id: "listWebhooks", tag: "Webhooks", summary: "List webhook subscriptions", description: "All subscriptions of the account.",
      ok: { 200: { description: "The subscriptions", schema: "WebhookList" } },
    }),
    post: operation("post", {
      id: "createWebhook", tag: "Webhooks", summary: "Subscribe to webhook events",
      description: "Deliveries are POSTs of a WebhookDelivery JSON body, signed with `X-DF-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of \"<t>.<raw body>\" keyed by the secret>` and carrying `X-DF-Webhook-Id` (the event id, stable across retries). Non-2xx responses are retried with exponential backoff.",
      body: { schema: "WebhookCreate" },
      ok: { 201: { description: "The subscription and its secret", schema: "WebhookCreated" } },
    }),
  },
  "/webhooks/{id}": {
    delete: operation("delete", {
      id: "deleteWebhook", tag: "Webhooks", summary: "Unsubscribe", description: "Stops deliveries to the subscription (pending retries are dropped).",
      params: [idParam("webhook subscription")], ok: { 204: { description: "Deleted" } }, errors: [404],
    }),
  },
};
