/**
 * The recipes end to end on both sandboxes, through the real path: a change in the GHL
 * sandbox → its signed webhook → our ingest route → pg-boss → worker → Details Flowers sandbox.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as ghlHook } from "@/app/api/hooks/ghl/route";
import { db, disconnectDb } from "@/lib/db/client";
import { createConnection } from "@/lib/db/connections";
import { createIsolatedDatabase } from "@/lib/db/test-database";
import { publishWorkflow } from "@/lib/db/workflows";
import { startDfSandbox, type DfSandbox } from "@/sandbox/details-flowers/server";
import { DEV_WEBHOOK_PUBLIC_KEY_PEM } from "@/sandbox/ghl/dev-webhook-key";
import { startGhlSandbox, type GhlSandboxHandle } from "@/sandbox/ghl/server";
import { catalogFromDefinitions, validateGraph } from "../graph";
import { startQueue, stopQueue } from "../queue";
import { registerEngineJobs, stopEngineJobs } from "../run/jobs";
import { bindConnections, installTemplate } from "./install";
import { TEMPLATES } from "./recipes";
import { listOperations, listTriggers } from "@/lib/connectors/registry";

let ghl: GhlSandboxHandle;
let df: DfSandbox;
let receiver: http.Server;
let locationId: string;
let connections: Record<string, string>;

/** Forwards the GHL sandbox's webhook deliveries to the real route handler, bytes untouched. */
async function startReceiver(): Promise<string> {
  receiver = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const response = await ghlHook(
      new Request("http://localhost/api/hooks/ghl", { method: "POST", headers: req.headers as Record<string, string>, body: Buffer.concat(chunks) }),
      { params: Promise.resolve({}) },
    );
    res.writeHead(response.status, { "content-type": "application/json" }).end(await response.text());
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/`;
}

const sharedDatabaseUrl = process.env.DATABASE_URL;

beforeAll(async () => {
  // Its own database: this file runs a worker, which must not claim other test files' runs.
  process.env.DATABASE_URL = await createIsolatedDatabase("templates");
  const hookUrl = await startReceiver();
  ghl = await startGhlSandbox({ port: 0, statePath: null, webhookUrl: hookUrl });
  df = await startDfSandbox({ port: 0, statePath: null });
  process.env.GHL_API_BASE_URL = ghl.url;
  process.env.DF_API_BASE_URL = df.baseUrl;
  process.env.GHL_WEBHOOK_PUBLIC_KEY = DEV_WEBHOOK_PUBLIC_KEY_PEM;
  locationId = ghl.sandbox.store.data.locations[0].id;
  const ghlConnection = await createConnection({ provider: "ghl", kind: "pit", label: "GHL", credentials: { accessToken: ghl.sandbox.config.pit }, accountId: locationId });
  const dfConnection = await createConnection({ provider: "details-flowers", kind: "client_credentials", label: "DF", credentials: { clientId: df.options.clientId, clientSecret: df.options.clientSecret } });
  connections = { ghl: ghlConnection.id, "details-flowers": dfConnection.id };
  await startQueue({ role: "worker" });
  await registerEngineJobs(4);
}, 60_000);

afterAll(async () => {
  await stopEngineJobs(2_000);
  await stopQueue({ graceful: false });
  await ghl.close();
  await df.close();
  receiver.close();
  await disconnectDb();
  process.env.DATABASE_URL = sharedDatabaseUrl;
});

async function ghlApi(method: string, path: string, body?: unknown) {
  const res = await fetch(`${ghl.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${ghl.sandbox.config.pit}`, version: "2021-07-28", "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(res.status, `${method} ${path}`).toBeLessThan(300);
  return res.json();
}

async function until<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const dfClients = () => Object.values(df.sandbox.store.state.records.client);
const succeededRun = (workflowId: string) => until(`a succeeded run of ${workflowId}`, () => db().run.findFirst({ where: { workflowId, status: "succeeded" }, include: { steps: true } }));

async function install(key: string) {
  const workflow = await installTemplate(key, { connections, name: `${key} ${crypto.randomUUID().slice(0, 4)}` });
  await publishWorkflow(workflow.id);
  return workflow.id;
}

describe("recipe templates", () => {
  it("are valid workflows against the real catalog once bound to connections", () => {
    const catalog = catalogFromDefinitions({ operations: listOperations(), triggers: listTriggers() });
    for (const template of TEMPLATES) {
      const unbound = validateGraph(template.graph, catalog).errors.map((e) => e.code);
      expect(new Set(unbound), template.key).toEqual(new Set(["missing_connection"]));
      const result = validateGraph(bindConnections(template.graph, { ghl: "ghl-connection", "details-flowers": "df-connection" }), catalog);
      expect(result.errors, template.key).toEqual([]);
    }
  });

  it("1: a new GHL contact becomes exactly one Details Flowers client", async () => {
    const workflowId = await install("contact-to-client");
    const email = `Ivy.${Date.now()}@Example.com`;
    const { contact } = await ghlApi("POST", "/contacts/", { locationId, firstName: "Ivy", lastName: "Bloom", email, phone: "+1 415 555 0142", tags: ["wedding"] });
    const run = await succeededRun(workflowId);
    const client = await until("the client", async () => dfClients().find((c) => c.externalIds?.ghl === contact.id));
    expect(client).toMatchObject({ fullName: "Ivy Bloom", email: email.toLowerCase(), phone: "+14155550142" });
    expect(run.subjectEmail).toBe(email.toLowerCase());
    const link = await db().idMap.findFirst({ where: { sourceSystem: "ghl", sourceId: contact.id } });
    expect(link?.targetId).toBe(client.id);
    expect(dfClients().filter((c) => c.externalIds?.ghl === contact.id)).toHaveLength(1);
  });

  it("2: a GHL task brings the contact and all their tasks into Details Flowers", async () => {
    const workflowId = await install("task-to-client-tasks");
    const { contact } = await ghlApi("POST", "/contacts/", { locationId, firstName: "Tess", lastName: "Fern", email: `tess.${Date.now()}@example.com` });
    await ghlApi("POST", `/contacts/${contact.id}/tasks`, { title: "Send mood board", dueDate: "2026-12-01T10:00:00Z", completed: false });
    await succeededRun(workflowId);
    await ghlApi("POST", `/contacts/${contact.id}/tasks`, { title: "Confirm venue", dueDate: "2026-12-05T10:00:00Z", completed: false });
    await until("two runs", async () => (await db().run.count({ where: { workflowId, status: "succeeded" } })) >= 2 || null);
    const client = dfClients().find((c) => c.externalIds?.ghl === contact.id);
    expect(client).toBeTruthy();
    const tasks = Object.values(df.sandbox.store.state.records.task).filter((t) => t.clientId === client!.id);
    // Both runs mirrored every task; the ID map kept it at one copy each.
    expect(tasks.map((t) => t.title).sort()).toEqual(["Confirm venue", "Send mood board"]);
  });

  it("3: a GHL note lands on the right Details Flowers client", async () => {
    const workflowId = await install("note-to-client-note");
    const { contact } = await ghlApi("POST", "/contacts/", { locationId, firstName: "Nora", lastName: "Lily", email: `nora.${Date.now()}@example.com` });
    await ghlApi("POST", `/contacts/${contact.id}/notes`, { body: "Loves ranunculus, no lilies" });
    await succeededRun(workflowId);
    const client = dfClients().find((c) => c.externalIds?.ghl === contact.id);
    const notes = Object.values(df.sandbox.store.state.records.note).filter((n) => n.clientId === client?.id);
    expect(notes.map((n) => n.body)).toEqual(["Loves ranunculus, no lilies"]);
  });
});
