/**
 * Every Details Flowers operation against the sandbox of our contract: the request it makes
 * (method, path, Idempotency-Key on writes, seen in the sandbox's request log), output parsed
 * with the operation's own schema, and error classification. Plus the recipe guarantee: the
 * same GHL contact upserted 20 times at once is one client.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectDb } from "@/lib/db/client";
import { createIdMapPort } from "@/lib/db/id-map";
import { startDfSandbox, type DfSandbox } from "@/sandbox/details-flowers/server";
import type { OperationContext, OperationDefinition } from "../../define";
import { AuthError, FatalError, RateLimitedError, RetryableError } from "../../errors";
import { createDfHttpClient } from "../client";
import { dfOperationList } from ".";

let df: DfSandbox;
let ctx: (key?: string) => OperationContext;
const ids: Record<string, string> = {};
const ghlContactId = `ghl-${crypto.randomUUID().slice(0, 8)}`;

beforeAll(async () => {
  df = await startDfSandbox({ port: 0, statePath: null });
  const http = createDfHttpClient({ baseUrl: df.baseUrl, credentials: { kind: "api-key", apiKey: df.options.apiKey } });
  const idMap = createIdMapPort();
  ctx = (key = crypto.randomUUID()) => ({ http, idMap, idempotencyKey: key, connection: { id: "test", accountId: null, scopes: [] } });
});

afterAll(async () => {
  await df.close();
  await disconnectDb();
});

const op = (key: string): OperationDefinition => {
  const found = dfOperationList.find((o) => o.key === key);
  if (!found) throw new Error(`no operation ${key}`);
  return found;
};

async function call(key: string, input: Record<string, unknown>) {
  const operation = op(key);
  const idempotencyKey = `idem-${crypto.randomUUID()}`;
  df.clearRequests();
  const output = await operation.run(ctx(idempotencyKey), operation.input.parse(input));
  const parsed = operation.output.safeParse(output);
  expect(parsed.success, `${key} output: ${parsed.error?.message}`).toBe(true);
  const requests = df.requests();
  expect(requests.length, `${key} made no request`).toBeGreaterThan(0);
  if (operation.effect === "write") {
    expect(requests.filter((r) => r.method !== "GET").every((r) => r.idempotencyKey?.startsWith(idempotencyKey)), `${key} sends Idempotency-Key`).toBe(true);
  }
  return { output: parsed.data as Record<string, any>, requests };
}

const at = (days: number) => new Date(Date.UTC(2027, 5, 1 + days, 15)).toISOString();

// In order: later steps use the ids earlier ones created.
const steps: [string, () => Record<string, unknown>, (out: Record<string, any>) => void, string][] = [
  ["details-flowers.client.upsert", () => ({ ghlContactId, firstName: "Hazel", lastName: "Moss", email: "Hazel.Moss@Example.com", phone: "(415) 555-0199" }), (o) => (ids.client = o.client.id), "POST /v1/clients/upsert"],
  ["details-flowers.client.get", () => ({ id: ids.client }), (o) => expect(o.email).toBe("hazel.moss@example.com"), "GET /v1/clients/"],
  ["details-flowers.client.update", () => ({ clientId: ids.client, company: "Moss & Co" }), (o) => expect((o.client ?? o).company).toBe("Moss & Co"), "PATCH /v1/clients/"],
  ["details-flowers.client.list", () => ({ email: "hazel.moss@example.com" }), (o) => expect(o.data).toHaveLength(1), "GET /v1/clients"],
  ["details-flowers.client-event.create", () => ({ ghlContactId, email: "hazel.moss@example.com", event: { name: "Moss wedding", type: "wedding", date: "2027-06-12" } }), (o) => (ids.event = o.event.id), "POST /v1/client-events"],
  ["details-flowers.event.create", () => ({ clientId: ids.client, name: "Rehearsal dinner", type: "other", date: "2027-06-11" }), (o) => (ids.event2 = o.event?.id ?? o.id), "POST /v1/clients/"],
  ["details-flowers.event.update", () => ({ eventId: ids.event, venue: "Old Mill" }), (o) => expect(JSON.stringify(o)).toContain("Old Mill"), "PATCH /v1/events/"],
  ["details-flowers.event.get", () => ({ id: ids.event }), (o) => expect(o.id).toBe(ids.event), "GET /v1/events/"],
  ["details-flowers.event.list", () => ({ clientId: ids.client }), (o) => expect(o.data.length).toBeGreaterThanOrEqual(2), "GET /v1/events"],
  ["details-flowers.task.create", () => ({ ghlContactId, ghlTaskId: "ghl-task-1", title: "Order peonies", dueAt: at(1) }), (o) => (ids.task = o.task.id), "POST /v1/clients/"],
  ["details-flowers.task.update", () => ({ taskId: ids.task, title: "Order 40 peonies" }), (o) => expect(o.task.title).toBe("Order 40 peonies"), "PATCH /v1/tasks/"],
  ["details-flowers.task.complete", () => ({ taskId: ids.task }), (o) => expect(o.task.completed).toBe(true), "POST /v1/tasks/"],
  ["details-flowers.task.get", () => ({ id: ids.task }), (o) => expect(o.id).toBe(ids.task), "GET /v1/tasks/"],
  ["details-flowers.task.list", () => ({ clientId: ids.client }), (o) => expect(o.data).toHaveLength(1), "GET /v1/tasks"],
  ["details-flowers.note.create", () => ({ ghlContactId, ghlNoteId: "ghl-note-1", body: "Allergic to lilies" }), (o) => (ids.note = o.note.id), "POST /v1/clients/"],
  ["details-flowers.note.update", () => ({ noteId: ids.note, pinned: true }), (o) => expect(o.note.pinned).toBe(true), "PATCH /v1/notes/"],
  ["details-flowers.note.get", () => ({ id: ids.note }), (o) => expect(o.body).toBe("Allergic to lilies"), "GET /v1/notes/"],
  ["details-flowers.note.list", () => ({ clientId: ids.client }), (o) => expect(o.data).toHaveLength(1), "GET /v1/notes"],
  ["details-flowers.appointment.create", () => ({ ghlContactId, ghlAppointmentId: "ghl-appt-1", title: "Consultation", startsAt: at(2), endsAt: at(3) }), (o) => (ids.appointment = o.appointment.id), "POST /v1/clients/"],
  ["details-flowers.appointment.update", () => ({ appointmentId: ids.appointment, status: "completed" }), (o) => expect(o.appointment.status).toBe("completed"), "PATCH /v1/appointments/"],
  ["details-flowers.appointment.get", () => ({ id: ids.appointment }), (o) => expect(o.title).toBe("Consultation"), "GET /v1/appointments/"],
  ["details-flowers.appointment.list", () => ({ clientId: ids.client }), (o) => expect(o.data).toHaveLength(1), "GET /v1/appointments"],
  ["details-flowers.order.list", () => ({}), (o) => (ids.order = o.data[0].id), "GET /v1/orders"],
  ["details-flowers.order.get", () => ({ id: ids.order }), (o) => expect(o.id).toBe(ids.order), "GET /v1/orders/"],
  ["details-flowers.change.list", () => ({ since: "0", limit: 5 }), (o) => expect(o.data.length).toBeGreaterThan(0), "GET /v1/changes"],
  ["details-flowers.webhook.create", () => ({ url: "https://hooks.example.com/df", events: ["client.created"] }), (o) => (ids.webhook = o.id ?? o.webhook?.id), "POST /v1/webhooks"],
  ["details-flowers.webhook.list", () => ({}), (o) => expect(JSON.stringify(o)).toContain("hooks.example.com"), "GET /v1/webhooks"],
  ["details-flowers.webhook.delete", () => ({ id: ids.webhook }), () => undefined, "DELETE /v1/webhooks/"],
  ["details-flowers.appointment.delete", () => ({ id: ids.appointment }), () => undefined, "DELETE /v1/appointments/"],
  ["details-flowers.note.delete", () => ({ id: ids.note }), () => undefined, "DELETE /v1/notes/"],
  ["details-flowers.task.delete", () => ({ id: ids.task }), () => undefined, "DELETE /v1/tasks/"],
  ["details-flowers.client.delete", () => ({ id: ids.client }), () => undefined, "DELETE /v1/clients/"],
];

describe("Details Flowers operations against the sandbox", () => {
  it("covers every operation of the connector", () => {
    expect(new Set(steps.map(([key]) => key))).toEqual(new Set(dfOperationList.map((o) => o.key)));
  });

  it.each(steps.map((s, i) => [s[0], i] as const))("%s", async (key, i) => {
    const [, input, check, request] = steps[i];
    const { output, requests } = await call(key, input());
    const [method, path] = request.split(" ");
    expect(requests.some((r) => r.method === method && r.path.startsWith(path)), `${key} → ${request}`).toBe(true);
    check(output);
  });
});

describe("Details Flowers error classification (sandbox responses)", () => {
  it("401 → AuthError, 404 → FatalError, 422 → FatalError naming the field, 429 → RateLimitedError, 5xx → RetryableError", async () => {
    const bad = createDfHttpClient({ baseUrl: df.baseUrl, credentials: { kind: "api-key", apiKey: "wrong-key" } });
    const get = op("details-flowers.client.get");
    await expect(get.run({ ...ctx(), http: bad }, { id: "cl_missing" })).rejects.toBeInstanceOf(AuthError);
    await expect(get.run(ctx(), { id: "cl_missing" })).rejects.toSatisfy((e: unknown) => e instanceof FatalError && e.status === 404);
    const create = op("details-flowers.appointment.create");
    const invalid = create.run(ctx(), create.input.parse({ clientId: "cl_x", title: "x", startsAt: at(5), endsAt: at(4) }));
    await expect(invalid).rejects.toSatisfy((e: unknown) => e instanceof FatalError && e.status !== undefined && [404, 422].includes(e.status));
    df.setFaults({ failNext: 1 });
    await expect(op("details-flowers.client.list").run(ctx(), {})).rejects.toBeInstanceOf(RetryableError);
    df.setFaults({ rateLimitStorm: true });
    const limited = await op("details-flowers.client.list").run(ctx(), {}).catch((e: unknown) => e);
    df.clearFaults();
    expect(limited).toBeInstanceOf(RateLimitedError);
    expect((limited as RateLimitedError).retryAfterMs).toBeGreaterThan(0);
  });
});

describe("client upsert under concurrency", () => {
  it("the same GHL contact sent 20 times at once yields exactly one client", async () => {
    const contact = `ghl-${crypto.randomUUID().slice(0, 8)}`;
    const upsert = op("details-flowers.client.upsert");
    const results = (await Promise.all(
      Array.from({ length: 20 }, (_, i) => upsert.run(ctx(`run-${i}`), upsert.input.parse({ ghlContactId: contact, fullName: "Rowan Ash", email: `rowan.${contact}@example.com` }))),
    )) as { client: { id: string } }[];
    expect(new Set(results.map((r) => r.client.id)).size).toBe(1);
    const clients = Object.values(df.sandbox.store.state.records.client).filter((c) => c.externalIds?.ghl === contact);
    expect(clients).toHaveLength(1);
  });
});
