/**
 * Finding 5 of issue 12: a Send to webhook step's headers are secrets. Readers (viewers and
 * editors, API, export, the workflow page) see them masked; the run sends the real value.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  // The local receiver listens on 127.0.0.1.
  process.env.BLOOMBRIDGE_WEBHOOK_ALLOW_PRIVATE = "true";
});

import * as exportRoute from "@/app/api/v1/workflows/[id]/export/route";
import * as publishRoute from "@/app/api/v1/workflows/[id]/publish/route";
import * as workflowRoute from "@/app/api/v1/workflows/[id]/route";
import * as importRoute from "@/app/api/v1/workflows/import/route";
import * as workflowsRoute from "@/app/api/v1/workflows/route";
import { apiTestKeys, call } from "@/lib/api/client.test-helper";
import { db } from "@/lib/db/client";
import { workflowDetail, workflowForEditor } from "@/lib/services/workflow-detail";
import { lit, webhookGraph } from "./graph/fixtures.test-helper";
import { ingestEvent } from "./ingest";
import type { Mapping } from "./mapping/schema";
import { SECRET_MASK } from "./mapping/secret-texts";
import { executeRun } from "./run/execute";

const keys = apiTestKeys();
const TOKEN = "Bearer top-secret-token-42";
const API_KEY = "k3y-that-nobody-sees";
const received: http.IncomingHttpHeaders[] = [];
let server: http.Server;
let receiverUrl: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    received.push(req.headers);
    req.resume().on("end", () => res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}'));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const graphWith = (inputs: Record<string, Mapping>) =>
  webhookGraph({ url: lit(receiverUrl), body: lit({ hello: "world" }), ...inputs }, { label: "Tell Zapier" });
const secretInputs = (): Record<string, Mapping> => ({
  headers: lit({ authorization: TOKEN }),
  "headers.token": { kind: "template", parts: [API_KEY] },
});

const leaks = (value: unknown) => {
  const text = JSON.stringify(value);
  return text.includes("top-secret-token") || text.includes(API_KEY);
};
const storedDraft = async (id: string) => (await db().workflow.findUniqueOrThrow({ where: { id } })).draftGraph;

async function runOnce(workflowId: string): Promise<http.IncomingHttpHeaders> {
  const { runIds } = await ingestEvent({
    source: "ghl",
    delivery: "manual",
    dedupeKey: crypto.randomUUID(),
    eventType: "ghl.contact.created",
    accountId: "loc-secrets",
    payload: { type: "ContactCreate", locationId: "loc-secrets", id: "c1", _bloombridge: { workflowId } },
  });
  expect(runIds).toHaveLength(1);
  received.length = 0;
  expect(await executeRun(runIds[0])).toEqual({ kind: "done" });
  const run = await db().run.findUniqueOrThrow({ where: { id: runIds[0] } });
  expect(run.status).toBe("succeeded");
  expect(received).toHaveLength(1);
  return received[0];
}

describe("secrets in steps", () => {
  it("stores header values encrypted, shows them masked to viewers and editors, and the run sends the real ones", async () => {
    const created = await call(workflowsRoute.POST, { key: keys.editor, body: { name: "Secret headers", graph: graphWith(secretInputs()) } });
    expect(created.status).toBe(201);
    expect(leaks(created.body)).toBe(false);
    const id = created.body.id as string;

    expect(leaks(await storedDraft(id))).toBe(false);
    for (const key of [keys.viewer, keys.editor]) {
      const got = await call(workflowRoute.GET, { key, params: { id } });
      expect(got.status).toBe(200);
      expect(leaks(got.body)).toBe(false);
      const send = got.body.draftGraph.nodes.find((n: { id: string }) => n.id === "send");
      expect(send.inputs.headers.value).toEqual({ authorization: SECRET_MASK });
      expect(send.inputs["headers.token"].parts).toEqual([SECRET_MASK]);
    }
    // The workflow page's loaders.
    expect(leaks(await workflowForEditor(id))).toBe(false);
    expect(leaks((await workflowDetail(id))?.graph)).toBe(false);

    // An editor saves the graph as read (masks and all): the stored secrets stay.
    const before = await storedDraft(id);
    const got = await call(workflowRoute.GET, { key: keys.editor, params: { id } });
    const saved = await call(workflowRoute.PATCH, { key: keys.editor, method: "PATCH", params: { id }, body: { graph: got.body.draftGraph } });
    expect(saved.status).toBe(200);
    expect(await storedDraft(id)).toEqual(before);

    expect((await call(publishRoute.POST, { key: keys.editor, params: { id }, body: {} })).status).toBe(201);
    const version = await db().workflowVersion.findFirstOrThrow({ where: { workflowId: id } });
    expect(leaks(version.graph)).toBe(false);
    const headers = await runOnce(id);
    expect(headers.authorization).toBe(TOKEN);
    expect(headers.token).toBe(API_KEY);

    // Typing a new value replaces the stored one.
    const edited = got.body.draftGraph;
    edited.nodes[1].inputs.headers.value.authorization = "Bearer rotated";
    await call(workflowRoute.PATCH, { key: keys.editor, method: "PATCH", params: { id }, body: { graph: edited } });
    expect(JSON.stringify(await storedDraft(id))).not.toContain("rotated");
    await call(publishRoute.POST, { key: keys.editor, params: { id }, body: {} });
    const after = await runOnce(id);
    expect(after.authorization).toBe("Bearer rotated");
    expect(after.token).toBe(API_KEY);
  });

  it("redacts exports; an imported export asks for the secret again before it can publish", async () => {
    const created = await call(workflowsRoute.POST, { key: keys.editor, body: { name: "Exported", graph: graphWith(secretInputs()) } });
    const exported = await call(exportRoute.GET, { key: keys.viewer, params: { id: created.body.id } });
    expect(exported.status).toBe(200);
    expect(leaks(exported.body)).toBe(false);
    expect(JSON.stringify(exported.body)).toContain(SECRET_MASK);

    const imported = await call(importRoute.POST, { key: keys.editor, body: exported.body });
    expect(imported.status).toBe(201);
    const id = imported.body.id as string;
    const refused = await call(publishRoute.POST, { key: keys.editor, params: { id }, body: {} });
    expect(refused.status).toBe(422);
    expect(refused.body.error.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: "secret_not_set", nodeId: "send", message: expect.stringMatching(/Input "headers" of "Tell Zapier" is a secret .*type its value again/) }),
        expect.objectContaining({ code: "secret_not_set", nodeId: "send", message: expect.stringContaining('"headers.token"') }),
      ]),
    );

    const draft = (await call(workflowRoute.GET, { key: keys.editor, params: { id } })).body.draftGraph;
    draft.nodes[1].inputs = { ...draft.nodes[1].inputs, ...secretInputs() };
    await call(workflowRoute.PATCH, { key: keys.editor, method: "PATCH", params: { id }, body: { graph: draft } });
    expect((await call(publishRoute.POST, { key: keys.editor, params: { id }, body: {} })).status).toBe(201);
    expect((await runOnce(id)).authorization).toBe(TOKEN);
  });
});
