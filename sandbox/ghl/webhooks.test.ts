 
import { createPublicKey, verify } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { DEV_WEBHOOK_PUBLIC_KEY_PEM } from "./dev-webhook-key";
import { webhookValidator } from "./spec";
import { startApi, startReceiver, waitFor, type Api } from "./test-helpers";
import { ghlSandboxPublicKeyPem } from "./webhooks";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function setup(respond?: (n: number) => number, options = {}) {
  const receiver = await startReceiver(respond);
  const api = await startApi({ webhookUrl: receiver.url, webhookRetryDelayMs: 20, ...options });
  cleanups.push(receiver.close, api.sandbox.close);
  return { receiver, api };
}

function verifies(raw: Buffer, signature: string, pem: string) {
  return verify(null, raw, createPublicKey(pem), Buffer.from(signature, "base64"));
}

async function newContact(api: Api, email = "hook@x.test") {
  return (await api.call("POST", "/contacts/", { locationId: api.locationId, firstName: "Hook", email })).body.contact;
}

describe("webhooks", () => {
  it("delivers ContactCreate shaped like the vendored schema, signed with Ed25519", async () => {
    const { receiver, api } = await setup();
    const c = await newContact(api);
    await waitFor(() => receiver.received.length === 1);
    const [hit] = receiver.received;
    expect(hit.json).toMatchObject({ type: "ContactCreate", locationId: api.locationId, id: c.id, email: "hook@x.test", firstName: "Hook" });
    expect(typeof hit.json.webhookId).toBe("string");
    expect(Date.parse(hit.json.timestamp)).not.toBeNaN();
    expect(webhookValidator("ContactCreate")(hit.json)).toBe(true);
    const sig = hit.headers["x-ghl-signature"] as string;
    expect(verifies(hit.raw, sig, ghlSandboxPublicKeyPem())).toBe(true);
    expect(verifies(hit.raw, sig, DEV_WEBHOOK_PUBLIC_KEY_PEM)).toBe(true);
    expect(verifies(Buffer.from(hit.raw.toString().replace("Hook", "Hack")), sig, DEV_WEBHOOK_PUBLIC_KEY_PEM)).toBe(false);
    const pem = await fetch(`${api.sandbox.url}/admin/webhook-public-key`).then((r) => r.text());
    expect(pem).toBe(ghlSandboxPublicKeyPem());
  });

  it("fires every contact, task, note and appointment event with schema-valid payloads", async () => {
    const { receiver, api } = await setup();
    const c = await newContact(api);
    await api.call("PUT", `/contacts/${c.id}`, { tags: ["vip"], dnd: true });
    await api.call("POST", `/contacts/${c.id}/tags`, { tags: ["new"] });
    const task = (await api.call("POST", `/contacts/${c.id}/tasks`, { title: "t", dueDate: "2026-12-01T10:00:00Z", completed: false })).body.task;
    await api.call("PUT", `/contacts/${c.id}/tasks/${task.id}/completed`, { completed: true });
    await api.call("DELETE", `/contacts/${c.id}/tasks/${task.id}`);
    const note = (await api.call("POST", `/contacts/${c.id}/notes`, { body: "n" })).body.note;
    await api.call("PUT", `/contacts/${c.id}/notes/${note.id}`, { body: "n2" });
    await api.call("DELETE", `/contacts/${c.id}/notes/${note.id}`);
    const appt = (await api.call("POST", `/admin/api/contacts/${c.id}/appointments`, { title: "Consult" })).body.appointment;
    await api.call("PUT", `/admin/api/appointments/${appt.id}`, { appointmentStatus: "showed" });
    await api.call("DELETE", `/admin/api/appointments/${appt.id}`);
    await api.call("DELETE", `/contacts/${c.id}`);
    const expected = [
      "ContactCreate", "ContactUpdate", "ContactTagUpdate", "ContactDndUpdate", "ContactTagUpdate",
      "TaskCreate", "TaskComplete", "TaskDelete", "NoteCreate", "NoteUpdate", "NoteDelete",
      "AppointmentCreate", "AppointmentUpdate", "AppointmentDelete", "ContactDelete",
    ];
    await waitFor(() => receiver.received.length === expected.length);
    const byType = new Map(receiver.received.map((r) => [r.json.type, r.json]));
    expect([...byType.keys()].sort()).toEqual([...new Set(expected)].sort());
    for (const [type, payload] of byType) {
      const v = webhookValidator(type);
      expect(v(payload), `${type}: ${JSON.stringify(v.errors)}`).toBe(true);
    }
    expect(byType.get("ContactDndUpdate").dndSettings).toBeDefined();
    expect(byType.get("AppointmentUpdate").appointment).toMatchObject({ id: appt.id, appointmentStatus: "showed" });
    expect(byType.get("AppointmentCreate").appointment.startTime).toMatch(/\+00:00$/);
  });

  it("retries only on 429, then stops at the first other status", async () => {
    const { receiver, api } = await setup((n) => (n <= 2 ? 429 : 200));
    await newContact(api);
    await waitFor(() => receiver.received.length === 3);
    expect(new Set(receiver.received.map((r) => r.json.webhookId)).size).toBe(1);
    await waitFor(() => api.sandbox.sandbox.webhooks.deliveries[0].status === "delivered");
    expect(api.sandbox.sandbox.webhooks.deliveries[0].attempts.map((a) => a.status)).toEqual([429, 429, 200]);
  });

  it("does not retry a 500 and caps 429 retries", async () => {
    const failing = await setup(() => 500);
    await newContact(failing.api);
    await waitFor(() => failing.api.sandbox.sandbox.webhooks.deliveries[0].status === "failed");
    await new Promise((r) => setTimeout(r, 100));
    expect(failing.receiver.received).toHaveLength(1);

    const limited = await setup(() => 429, { webhookMaxRetries: 2 });
    await newContact(limited.api);
    await waitFor(() => limited.api.sandbox.sandbox.webhooks.deliveries[0].status === "failed");
    expect(limited.receiver.received).toHaveLength(3);
  });

  it("drops webhooks when told to and takes a URL from the admin endpoint", async () => {
    const receiver = await startReceiver();
    const api = await startApi();
    cleanups.push(receiver.close, api.sandbox.close);
    await newContact(api, "a@x.test");
    expect(api.sandbox.sandbox.webhooks.deliveries[0].status).toBe("no-url");
    await api.call("POST", "/admin/webhook-url", { url: receiver.url });
    await api.call("POST", "/admin/faults", { dropWebhookRate: 1 });
    await newContact(api, "b@x.test");
    expect(api.sandbox.sandbox.webhooks.deliveries[1].status).toBe("dropped");
    await api.call("DELETE", "/admin/faults");
    await newContact(api, "c@x.test");
    await waitFor(() => receiver.received.length === 1);
    expect(receiver.received[0].json.email).toBe("c@x.test");
  });
});
