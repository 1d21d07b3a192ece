/** Component schemas of the assumed Details Flowers contract. */
import { arr, bool, dateTime, E164, input, int, nullable, object, patchOf, ref, refProp, str, type Schema } from "./primitives";

export const RESOURCE_TYPES = ["client", "event", "task", "note", "appointment", "order"] as const;
export const EVENT_TYPES = ["wedding", "corporate", "funeral", "other"] as const;
export const EVENT_STATUSES = ["inquiry", "proposal_sent", "booked", "completed", "cancelled"] as const;
export const APPOINTMENT_STATUSES = ["scheduled", "completed", "cancelled", "no_show"] as const;
export const ORDER_KINDS = ["order", "proposal"] as const;
export const ORDER_STATUSES = ["draft", "proposal_sent", "signed", "deposit_paid", "paid", "cancelled"] as const;
export const MATCH_KEYS = ["id", "externalIds.ghl", "email", "phone"] as const;
export const ERROR_CODES = [
  "validation_failed", "not_found", "unauthorized", "forbidden", "conflict", "rate_limited", "idempotency_key_reused", "internal",
] as const;
export const WEBHOOK_EVENT_TYPES = [
  "client.created", "client.updated", "client.deleted",
  "event.created", "event.updated",
  "task.created", "task.updated", "task.completed", "task.deleted",
  "note.created", "note.updated", "note.deleted",
  "appointment.created", "appointment.updated", "appointment.deleted",
  "order.status_changed",
] as const;
export const WEBHOOK_WILDCARDS = ["*", "client.*", "event.*", "task.*", "note.*", "appointment.*", "order.*"] as const;

const id = (what: string) => str(`Details Flowers ${what} id (opaque string)`, { minLength: 1, maxLength: 64 });
const stamps = {
  externalIds: refProp("ExternalIds", "Ids of this record in other systems, keyed by system, e.g. {\"ghl\": \"<contactId>\"}"),
  createdAt: dateTime("When the record was created (ISO-8601, UTC)"),
  updatedAt: dateTime("When the record last changed (ISO-8601, UTC)"),
};
const deletedAt = nullable(dateTime("When the record was soft-deleted; null while it is live"));
const externalIdsInput = refProp("ExternalIdsInput", "Merged key by key into the record's externalIds; a null value removes that key");
const email = (description: string) => nullable(str(description, { format: "email", maxLength: 254 }));
const phone = nullable(str("Phone number in E.164, e.g. +15551234567", { pattern: E164 }));
const enumOf = (description: string, values: readonly string[]) => str(description, { enum: [...values] });

const address = object("Postal address", {
  line1: nullable(str("Street address, first line", { maxLength: 200 })),
  line2: nullable(str("Street address, second line (suite, unit)", { maxLength: 200 })),
  city: nullable(str("City or locality", { maxLength: 100 })),
  region: nullable(str("State, province or region", { maxLength: 100 })),
  postalCode: nullable(str("Postal or ZIP code", { maxLength: 20 })),
  country: nullable(str("ISO 3166-1 alpha-2 country code, e.g. US", { pattern: "^[A-Z]{2}$" })),
}, "all");

const clientFields: Record<string, Schema> = {
  fullName: str("Full display name; derived from firstName/lastName (or email, phone) when omitted on create", { minLength: 1, maxLength: 200 }),
  firstName: nullable(str("Given name", { maxLength: 100 })),
  lastName: nullable(str("Family name", { maxLength: 100 })),
  email: email("Email address; stored lower-cased and matched case-insensitively"),
  phone,
  company: nullable(str("Company or business name", { maxLength: 200 })),
  address: nullable(refProp("AddressInput", "Postal address; fields present replace stored ones, null clears the address")),
  tags: arr("Tags; when present, replaces the whole tag set", str("One tag", { minLength: 1, maxLength: 100 }), { maxItems: 100, uniqueItems: true }),
  externalIds: externalIdsInput,
};

const eventFields: Record<string, Schema> = {
  name: str("Event name, e.g. \"Smith–Jones wedding\"", { minLength: 1, maxLength: 200 }),
  type: enumOf("Kind of event", EVENT_TYPES),
  date: str("Event date (YYYY-MM-DD, the venue's local calendar date)", { format: "date" }),
  venue: nullable(str("Venue name and/or address", { maxLength: 300 })),
  status: enumOf("Pipeline status of the event; defaults to inquiry on create", EVENT_STATUSES),
  externalIds: externalIdsInput,
};

const taskFields: Record<string, Schema> = {
  title: str("Short task title", { minLength: 1, maxLength: 200 }),
  body: nullable(str("Longer description", { maxLength: 5000 })),
  eventId: nullable(str("Event of the same client this task relates to", { minLength: 1, maxLength: 64 })),
  dueAt: nullable(dateTime("Due date and time (ISO-8601 with offset)")),
  completed: bool("Whether the task is done; completedAt is set or cleared to match"),
  assigneeEmail: email("Email of the team member the task is assigned to"),
  externalIds: externalIdsInput,
};

const noteFields: Record<string, Schema> = {
  body: str("Note text", { minLength: 1, maxLength: 20000 }),
  eventId: nullable(str("Event of the same client this note relates to", { minLength: 1, maxLength: 64 })),
  authorEmail: email("Email of the note's author"),
  pinned: bool("Whether the note is pinned to the top of the client"),
  externalIds: externalIdsInput,
};

const appointmentFields: Record<string, Schema> = {
  title: str("Appointment title, e.g. \"Design consultation\"", { minLength: 1, maxLength: 200 }),
  eventId: nullable(str("Event of the same client this appointment relates to", { minLength: 1, maxLength: 64 })),
  startsAt: dateTime("Start (ISO-8601 with offset)"),
  endsAt: dateTime("End (ISO-8601 with offset); must be after startsAt"),
  location: nullable(str("Address or meeting link", { maxLength: 300 })),
  status: enumOf("Appointment status; defaults to scheduled on create", APPOINTMENT_STATUSES),
  notes: nullable(str("Notes about the appointment", { maxLength: 5000 })),
  externalIds: externalIdsInput,
};

const list = (item: string) => object(`A page of ${item} records`, {
  data: arr("Records on this page", ref(item)),
  nextCursor: nullable(str("Pass as `cursor` to get the next page; null on the last page")),
}, "all");

export const schemas: Record<string, Schema> = {
  ExternalIds: object("Ids of a record in other systems, keyed by system name", {}, [], {
    additionalProperties: str("The record's id in that system", { minLength: 1, maxLength: 200 }),
    propertyNames: { pattern: "^[a-z][a-z0-9_-]{0,31}$" },
  }),
  ExternalIdsInput: object("External ids to merge into the record; null removes a key", {}, [], {
    additionalProperties: nullable(str("The record's id in that system", { minLength: 1, maxLength: 200 })),
    propertyNames: { pattern: "^[a-z][a-z0-9_-]{0,31}$" },
  }),
  Money: object("An amount of money", {
    amount: int("Amount in minor units (cents)"),
    currency: str("ISO 4217 currency code", { pattern: "^[A-Z]{3}$" }),
  }, "all"),
  Address: address,
  AddressInput: input("Postal address to store", (address.properties as Record<string, Schema>)),

  Client: object("A florist's client (the person or company the events are for)", {
    id: id("client"),
    fullName: str("Full display name", { minLength: 1 }),
    firstName: nullable(str("Given name")),
    lastName: nullable(str("Family name")),
    email: email("Email address, lower-cased"),
    phone,
    company: nullable(str("Company or business name")),
    address: nullable(refProp("Address", "Postal address, or null when unknown")),
    tags: arr("Tags", str("One tag")),
    ...stamps,
    deletedAt,
  }, "all"),
  ClientInput: input("Client fields to create or update; at least a name, email or phone is needed to create", {
    id: str("Existing client id; used only for matching (`match` contains \"id\"), never assigned", { minLength: 1, maxLength: 64 }),
    ...clientFields,
  }),
  ClientPatch: patchOf("Client fields to change; omitted fields stay as they are", clientFields),
  UpsertClientRequest: input("Create-or-update a client by explicit, ordered match keys", {
    match: arr(
      "Match keys tried in this order; the first key whose value is present in `client` and finds a live client wins. Email matches case-insensitively, phone as E.164. Names are never a match key.",
      enumOf("A match key", MATCH_KEYS), { minItems: 1, uniqueItems: true },
    ),
    client: refProp("ClientInput", "The client's fields"),
  }, ["match", "client"]),
  UpsertClientResponse: object("Result of an upsert", {
    client: refProp("Client", "The client after the write"),
    created: bool("True when no client matched and a new one was created"),
    matchedOn: nullable(enumOf("The match key that found the client; null when created", MATCH_KEYS)),
  }, "all"),
  CreateClientEventRequest: input("Upsert a client and create one event for it (Zapier \"Create Client-Event\")", {
    match: arr("Match keys for the client, same rules as /clients/upsert", enumOf("A match key", MATCH_KEYS), { minItems: 1, uniqueItems: true }),
    client: refProp("ClientInput", "The client's fields"),
    event: refProp("EventCreate", "The event to create for the client"),
  }, ["match", "client", "event"]),
  CreateClientEventResponse: object("Result of a client-event create", {
    client: refProp("Client", "The client after the upsert"),
    event: refProp("Event", "The created event"),
    created: bool("True when the client was newly created"),
    matchedOn: nullable(enumOf("The match key that found the client; null when created", MATCH_KEYS)),
  }, "all"),
  ClientList: list("Client"),

  Event: object("An event (wedding, corporate, funeral…) of a client", {
    id: id("event"),
    clientId: str("Client the event belongs to"),
    name: str("Event name"),
    type: enumOf("Kind of event", EVENT_TYPES),
    date: str("Event date (YYYY-MM-DD)", { format: "date" }),
    venue: nullable(str("Venue name and/or address")),
    status: enumOf("Pipeline status of the event", EVENT_STATUSES),
    ...stamps,
  }, "all"),
  EventCreate: input("A new event", eventFields, ["name", "type", "date"]),
  EventPatch: patchOf("Event fields to change", eventFields),
  EventList: list("Event"),

  Task: object("A to-do for a client, optionally tied to one of its events", {
    id: id("task"),
    clientId: str("Client the task belongs to"),
    eventId: nullable(str("Related event of the same client")),
    title: str("Short task title"),
    body: nullable(str("Longer description")),
    dueAt: nullable(dateTime("Due date and time")),
    completed: bool("Whether the task is done"),
    completedAt: nullable(dateTime("When the task was completed")),
    assigneeEmail: email("Email of the assignee"),
    ...stamps,
    deletedAt,
  }, "all"),
  TaskCreate: input("A new task", taskFields, ["title"]),
  TaskPatch: patchOf("Task fields to change", taskFields),
  CompleteTaskRequest: input("Optional completion details", {
    completedAt: dateTime("When it was completed; defaults to now"),
  }),
  TaskList: list("Task"),

  Note: object("A free-text note on a client, optionally tied to one of its events", {
    id: id("note"),
    clientId: str("Client the note belongs to"),
    eventId: nullable(str("Related event of the same client")),
    body: str("Note text"),
    authorEmail: email("Email of the author"),
    pinned: bool("Whether the note is pinned"),
    ...stamps,
    deletedAt,
  }, "all"),
  NoteCreate: input("A new note", noteFields, ["body"]),
  NotePatch: patchOf("Note fields to change", noteFields),
  NoteList: list("Note"),

  Appointment: object("A consultation or meeting with a client", {
    id: id("appointment"),
    clientId: str("Client the appointment is with"),
    eventId: nullable(str("Related event of the same client")),
    title: str("Appointment title"),
    startsAt: dateTime("Start"),
    endsAt: dateTime("End"),
    location: nullable(str("Address or meeting link")),
    status: enumOf("Appointment status", APPOINTMENT_STATUSES),
    notes: nullable(str("Notes about the appointment")),
    ...stamps,
    deletedAt,
  }, "all"),
  AppointmentCreate: input("A new appointment", appointmentFields, ["title", "startsAt", "endsAt"]),
  AppointmentPatch: patchOf("Appointment fields to change", appointmentFields),
  AppointmentList: list("Appointment"),

  Order: object("A proposal or order for an event (read-only through the API)", {
    id: id("order"),
    clientId: str("Client the order is for"),
    eventId: str("Event the order is for"),
    number: str("Human-facing number, e.g. P-1004"),
    kind: enumOf("Whether this is still a proposal or a confirmed order", ORDER_KINDS),
    status: enumOf("Signature and payment status", ORDER_STATUSES),
    total: refProp("Money", "Total including taxes and fees"),
    balanceDue: refProp("Money", "Amount still to be paid"),
    signedAt: nullable(dateTime("When the client signed the proposal")),
    ...stamps,
  }, "all"),
  OrderList: list("Order"),

  ResourceType: enumOf("Type of record", RESOURCE_TYPES),
  Change: object("One entry of the change feed", {
    seq: int("Strictly increasing sequence number of the change", { minimum: 1 }),
    type: refProp("ResourceType", "Type of the changed record"),
    action: enumOf("What happened", ["created", "updated", "deleted"]),
    id: str("Id of the changed record"),
    occurredAt: dateTime("When the change happened"),
    record: {
      description: "Snapshot of the record right after the change (for deletions, with deletedAt set)",
      anyOf: RESOURCE_TYPES.map((t) => ref(t[0].toUpperCase() + t.slice(1))),
    },
  }, ["seq", "type", "action", "id", "occurredAt"]),
  ChangeList: object("A page of the change feed", {
    data: arr("Changes in seq order", ref("Change")),
    nextCursor: str("Resume point: pass as `since` on the next call (never null, even when nothing is new)"),
    hasMore: bool("True when more changes are waiting beyond this page"),
  }, "all"),

  WebhookEventType: enumOf("A concrete webhook event type", WEBHOOK_EVENT_TYPES),
  WebhookSubscriptionEvent: enumOf("An event type to subscribe to; `*` and `<type>.*` wildcards are allowed", [...WEBHOOK_EVENT_TYPES, ...WEBHOOK_WILDCARDS]),
  Webhook: object("A webhook subscription", {
    id: id("webhook subscription"),
    url: str("HTTPS endpoint that receives deliveries", { format: "uri" }),
    events: arr("Subscribed event types", ref("WebhookSubscriptionEvent")),
    description: nullable(str("Free-text label")),
    createdAt: dateTime("When the subscription was created"),
    updatedAt: dateTime("When the subscription last changed"),
  }, "all"),
  WebhookCreate: input("A new webhook subscription", {
    url: str("Endpoint that receives deliveries", { format: "uri", maxLength: 2000 }),
    events: arr("Event types to subscribe to", ref("WebhookSubscriptionEvent"), { minItems: 1, uniqueItems: true }),
    description: nullable(str("Free-text label", { maxLength: 200 })),
  }, ["url", "events"]),
  WebhookCreated: object("The new subscription and its signing secret", {
    webhook: refProp("Webhook", "The subscription"),
    secret: str("HMAC-SHA256 signing secret for X-DF-Signature; shown only here"),
  }, "all"),
  WebhookList: object("All webhook subscriptions", { data: arr("Subscriptions", ref("Webhook")) }, "all"),
  WebhookDelivery: object("Body of a webhook delivery POSTed to a subscriber", {
    id: str("Event id; identical across retries of the same delivery, use it to deduplicate"),
    type: refProp("WebhookEventType", "What happened"),
    occurredAt: dateTime("When it happened"),
    subscriptionId: str("Subscription this delivery is for"),
    data: { description: "The record after the change (for deletions, with deletedAt set)", anyOf: RESOURCE_TYPES.map((t) => ref(t[0].toUpperCase() + t.slice(1))) },
    previousStatus: nullable(str("Order status before the change; set only for order.status_changed")),
  }, ["id", "type", "occurredAt", "subscriptionId", "data"]),

  TokenRequest: input("OAuth 2.0 client-credentials token request (form-encoded)", {
    grant_type: str("Must be client_credentials", { const: "client_credentials" }),
    client_id: str("OAuth client id", { minLength: 1 }),
    client_secret: str("OAuth client secret", { minLength: 1 }),
    scope: str("Space-separated scopes: `read`, `write`; defaults to both", { pattern: "^(read|write)( (read|write))*$" }),
  }, ["grant_type", "client_id", "client_secret"]),
  TokenResponse: object("An access token", {
    access_token: str("Bearer token for the Authorization header"),
    token_type: str("Always Bearer", { const: "Bearer" }),
    expires_in: int("Seconds until the token expires", { minimum: 1 }),
    scope: str("Granted scopes, space-separated"),
  }, "all"),

  Error: object("The one error body every failure uses", {
    error: object("Error details", {
      code: enumOf("Stable machine-readable code", ERROR_CODES),
      message: str("Human-readable explanation"),
      details: arr("Per-field problems (validation_failed, conflict)", object("One field problem", {
        field: str("Dotted path of the offending field, e.g. client.email or query.limit"),
        message: str("What is wrong with it"),
      }, "all")),
      requestId: str("Id of the request, also sent as X-Request-Id; quote it in support requests"),
    }, ["code", "message", "requestId"]),
  }, "all"),
};
