// Every read operation (and the polling trigger) against the local GHL sandbox, end to end.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGhlSandbox, type GhlSandboxHandle } from "../../../sandbox/ghl/server";
import type { OperationContext, OperationDefinition } from "../define";
import { createGhlHttpClient } from "./client";
import { ghlOperations } from "./operations";
import { contactUpdatedPoll } from "./triggers/contact-polling";

let sandbox: GhlSandboxHandle;
let ctx: OperationContext;
const ids: Record<string, string> = {};
const operations: readonly OperationDefinition[] = ghlOperations;

async function run(key: string, input: Record<string, unknown>) {
  const op = operations.find((candidate) => candidate.key === key);
  if (!op) throw new Error(`no operation ${key}`);
  return op.output.parse(await op.run(ctx, op.input.parse(input))) as Record<string, unknown>;
}

beforeAll(async () => {
  sandbox = await startGhlSandbox({ port: 0, burstLimit: 1_000_000 });
  const location = sandbox.sandbox.store.data.locations[0];
  ctx = {
    http: createGhlHttpClient({ baseUrl: sandbox.url, getAccessToken: () => sandbox.sandbox.config.pit }),
    connection: { id: "conn_sandbox", accountId: location.id, scopes: ["contacts.readonly", "contacts.write"] },
    idMap: { find: async () => null, link: async () => undefined, exclusive: (_source, _system, _type, write) => write() },
    idempotencyKey: "itest:1",
  };
  const created = await run("ghl.contact.create", { firstName: "Maya", lastName: "Lindqvist", email: `maya+${Date.now()}@lindqvist-studio.com` });
  ids.contactId = String((created.contact as { id: string }).id);
  const task = await run("ghl.task.create", { contactId: ids.contactId, title: "Confirm colours", dueDate: "2026-03-20T17:00:00Z", completed: false });
  ids.taskId = String((task.task as { id: string }).id);
  const note = await run("ghl.note.create", { contactId: ids.contactId, body: "Prefers no lilies." });
  ids.noteId = String((note.note as { id: string }).id);
}, 60_000);

afterAll(async () => {
  await sandbox?.close();
});

describe("GHL connector against the sandbox", () => {
  const reads: Array<[string, () => Record<string, unknown>]> = [
    ["ghl.contact.get", () => ({ contactId: ids.contactId })],
    ["ghl.contact.search", () => ({ pageLimit: 10, query: "Lindqvist" })],
    ["ghl.contact.search-duplicate", () => ({ email: "nobody-at-all@example.com" })],
    ["ghl.contact.list", () => ({ limit: 5 })],
    ["ghl.contact.list-by-business", () => ({ businessId: "641c094001436dbc2081e642" })],
    ["ghl.task.list", () => ({ contactId: ids.contactId })],
    ["ghl.task.get", () => ({ contactId: ids.contactId, taskId: ids.taskId })],
    ["ghl.note.list", () => ({ contactId: ids.contactId })],
    ["ghl.note.get", () => ({ contactId: ids.contactId, noteId: ids.noteId })],
    ["ghl.appointment.list", () => ({ contactId: ids.contactId })],
  ];

  it("covers every read operation", () => {
    expect(reads.map(([key]) => key).sort()).toEqual(operations.filter((op) => op.effect === "read").map((op) => op.key).sort());
  });

  it.each(reads)("%s", async (key, input) => {
    const output = await run(key, input());
    expect(output).toBeTypeOf("object");
  });

  it("finds the created contact and polls its change once", async () => {
    const got = await run("ghl.contact.get", { contactId: ids.contactId });
    expect(got.contact).toMatchObject({ id: ids.contactId, firstName: "Maya" });
    const pollCtx = { http: ctx.http, connection: ctx.connection, now: new Date() };
    const cursor = new Date(Date.now() - 60_000).toISOString();
    const first = await contactUpdatedPoll.poll?.({ ...pollCtx, state: { cursor, seen: [] } });
    expect(first?.events.map((event) => event.payload.id)).toContain(ids.contactId);
    const again = await contactUpdatedPoll.poll?.({ ...pollCtx, state: first?.state ?? { cursor, seen: [] } });
    expect(again?.events.map((event) => event.payload.id)).not.toContain(ids.contactId);
  });
});
