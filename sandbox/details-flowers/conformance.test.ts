/** Calls every contract operation's happy path and validates each response against the contract. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contract } from "./contract";
import { HANDLERS } from "./handlers";
import type { DfSandbox } from "./server";
import { client, responseValidator, startTestSandbox, type ApiResponse } from "./test-helpers";

let sb: DfSandbox;
let call: ReturnType<typeof client>;
const v = responseValidator();
const ids: Record<string, string> = {};
const seen = new Set<string>();

beforeAll(async () => {
  sb = await startTestSandbox();
  call = client(sb);
});
afterAll(() => sb.close());

type Step = [operationId: string, expected: number, run: () => Promise<ApiResponse>, after?: (r: ApiResponse) => void];
const json = (body: unknown) => ({ body });

const steps: Step[] = [
  ["createToken", 200, () => call("POST", "/oauth/token", { auth: null, form: { grant_type: "client_credentials", client_id: "bloombridge-df-client", client_secret: "bloombridge-df-secret" } })],
  ["listClients", 200, () => call("GET", "/clients?limit=5")],
  ["upsertClient", 201, () => call("POST", "/clients/upsert", json({ match: ["externalIds.ghl", "email"], client: { firstName: "Ivy", lastName: "Moss", email: "ivy@example.com", phone: "+14075550101", address: { city: "Orlando", country: "US" }, tags: ["wedding"], externalIds: { ghl: "ghl-ivy" } } })), (r) => (ids.client = r.body.client.id)],
  ["getClient", 200, () => call("GET", `/clients/${ids.client}`)],
  ["updateClient", 200, () => call("PATCH", `/clients/${ids.client}`, json({ company: "Moss & Co", tags: ["wedding", "vip"] }))],
  ["createClientEvent", 201, () => call("POST", "/client-events", json({ match: ["email"], client: { fullName: "Rowan Vale", email: "rowan@example.com" }, event: { name: "Vale wedding", type: "wedding", date: "2026-06-20" } })), (r) => (ids.client2 = r.body.client.id)],
  ["createEvent", 201, () => call("POST", `/clients/${ids.client}/events`, json({ name: "Moss wedding", type: "wedding", date: "2026-05-02", venue: "Bellwether Gardens" })), (r) => (ids.event = r.body.id)],
  ["listEvents", 200, () => call("GET", `/events?clientId=${ids.client}`)],
  ["getEvent", 200, () => call("GET", `/events/${ids.event}`)],
  ["updateEvent", 200, () => call("PATCH", `/events/${ids.event}`, json({ status: "booked" }))],
  ["createTask", 201, () => call("POST", `/clients/${ids.client}/tasks`, json({ title: "Send proposal", eventId: ids.event, dueAt: "2026-01-10T15:00:00Z" })), (r) => (ids.task = r.body.id)],
  ["listTasks", 200, () => call("GET", `/tasks?clientId=${ids.client}&completed=false`)],
  ["getTask", 200, () => call("GET", `/tasks/${ids.task}`)],
  ["updateTask", 200, () => call("PATCH", `/tasks/${ids.task}`, json({ body: "Include the arch mock-up" }))],
  ["completeTask", 200, () => call("POST", `/tasks/${ids.task}/complete`)],
  ["createNote", 201, () => call("POST", `/clients/${ids.client}/notes`, json({ body: "Loves ranunculus", pinned: true })), (r) => (ids.note = r.body.id)],
  ["listNotes", 200, () => call("GET", `/notes?clientId=${ids.client}`)],
  ["getNote", 200, () => call("GET", `/notes/${ids.note}`)],
  ["updateNote", 200, () => call("PATCH", `/notes/${ids.note}`, json({ pinned: false }))],
  ["createAppointment", 201, () => call("POST", `/clients/${ids.client}/appointments`, json({ title: "Consultation", startsAt: "2026-01-05T15:00:00-05:00", endsAt: "2026-01-05T16:00:00-05:00" })), (r) => (ids.appointment = r.body.id)],
  ["listAppointments", 200, () => call("GET", `/appointments?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z`)],
  ["getAppointment", 200, () => call("GET", `/appointments/${ids.appointment}`)],
  ["updateAppointment", 200, () => call("PATCH", `/appointments/${ids.appointment}`, json({ status: "completed" }))],
  ["listOrders", 200, () => call("GET", "/orders?limit=3"), (r) => (ids.order = r.body.data[0].id)],
  ["getOrder", 200, () => call("GET", `/orders/${ids.order}`)],
  ["createWebhook", 201, () => call("POST", "/webhooks", json({ url: "http://127.0.0.1:9/hook", events: ["client.*"] })), (r) => (ids.webhook = r.body.webhook.id)],
  ["listWebhooks", 200, () => call("GET", "/webhooks")],
  ["deleteWebhook", 204, () => call("DELETE", `/webhooks/${ids.webhook}`)],
  ["deleteTask", 204, () => call("DELETE", `/tasks/${ids.task}`)],
  ["deleteNote", 204, () => call("DELETE", `/notes/${ids.note}`)],
  ["deleteAppointment", 204, () => call("DELETE", `/appointments/${ids.appointment}`)],
  ["deleteClient", 204, () => call("DELETE", `/clients/${ids.client2}`)],
  ["listChanges", 200, () => call("GET", "/changes?since=0&types=client,task,note,appointment,event,order&limit=200")],
];

describe("sandbox conformance", () => {
  it("has a handler and a happy-path step for every contract operation", () => {
    const opIds = contract().routes.map((r) => r.operationId).sort();
    expect(Object.keys(HANDLERS).sort()).toEqual(opIds);
    expect(steps.map((s) => s[0]).sort()).toEqual(opIds);
    expect(v.operationIds.sort()).toEqual(opIds);
  });

  for (const [operationId, expected, run, after] of steps) {
    it(`${operationId} → ${expected}, body matches the contract`, async () => {
      const res = await run();
      expect(res.status, res.text).toBe(expected);
      expect(v.check(operationId, res.status, res.body)).toEqual([]);
      expect(res.headers.get("x-request-id")).toMatch(/^req_/);
      if (operationId !== "createToken") expect(res.headers.get("ratelimit-limit")).toBeTruthy();
      after?.(res);
      seen.add(operationId);
    });
  }

  it("validates error bodies against the shared Error schema", async () => {
    const missing = await call("GET", "/clients/cli_nope");
    expect(missing.status).toBe(404);
    expect(v.check("getClient", 404, missing.body)).toEqual([]);
    const unauth = await call("GET", "/clients", { auth: "wrong" });
    expect(v.check("listClients", 401, unauth.body)).toEqual([]);
    const bad = await call("POST", `/clients/${ids.client}/tasks`, json({}));
    expect(v.check("createTask", 422, bad.body)).toEqual([]);
  });

  it("lists the deleted records in the change feed", async () => {
    const res = await call("GET", "/changes?types=task&since=0&limit=200");
    expect(res.body.data.some((c: { id: string; action: string }) => c.id === ids.task && c.action === "deleted")).toBe(true);
  });
});
