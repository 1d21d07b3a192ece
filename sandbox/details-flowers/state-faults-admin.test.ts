/** Restart persistence, fault injection, the request log, reset and the admin page. */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { DfSandbox } from "./server";
import { client, startTestSandbox } from "./test-helpers";
import { pathMatches } from "./faults";

let sb: DfSandbox | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await sb?.close();
  sb = undefined;
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

const admin = (method: string, p: string, body?: unknown) =>
  fetch(`${sb!.url}${p}`, { method, headers: body ? { "content-type": "application/json" } : {}, body: body ? JSON.stringify(body) : undefined });

describe("state file", () => {
  it("survives a restart (atomic JSON snapshot)", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "df-sandbox-"));
    dirs.push(dir);
    const statePath = path.join(dir, "nested", "df.json");
    sb = await startTestSandbox({ statePath });
    const created = (await client(sb)("POST", "/clients/upsert", { body: { match: ["email"], client: { fullName: "Persisted", email: "keep@example.com", externalIds: { ghl: "g-keep" } } } })).body.client;
    const seq = sb.sandbox.store.state.seq;
    await sb.close();
    expect(JSON.parse(await readFile(statePath, "utf8")).records.client[created.id].email).toBe("keep@example.com");

    sb = await startTestSandbox({ statePath });
    const call = client(sb);
    expect((await call("GET", `/clients/${created.id}`)).body).toEqual(created);
    expect((await call("GET", "/changes?limit=1")).body.nextCursor).toBeDefined();
    expect(sb.sandbox.store.state.seq).toBe(seq);
    const again = await call("POST", "/clients/upsert", { body: { match: ["externalIds.ghl"], client: { externalIds: { ghl: "g-keep" } } } });
    expect(again.body).toMatchObject({ created: false, client: { id: created.id } });
  });

  it("resets to the deterministic seed", async () => {
    sb = await startTestSandbox();
    const call = client(sb);
    const before = (await call("GET", "/clients?limit=200")).body.data;
    expect(before.length).toBeGreaterThanOrEqual(15);
    await call("POST", "/clients/upsert", { body: { match: ["email"], client: { email: "extra@example.com" } } });
    expect((await admin("POST", "/admin/reset")).status).toBe(200);
    expect((await call("GET", "/clients?limit=200")).body.data).toEqual(before);
    expect((await call("GET", "/orders")).body.data.length).toBeGreaterThan(2);
    expect((await call("GET", "/tasks")).body.data.length).toBeGreaterThan(2);
    expect((await call("GET", "/notes")).body.data.length).toBeGreaterThan(2);
  });
});

describe("fault injection", () => {
  it("fails exactly the next n API requests with 500 internal", async () => {
    sb = await startTestSandbox();
    const call = client(sb);
    const set = await admin("POST", "/admin/faults", { failNext: 2 });
    expect(await set.json()).toMatchObject({ failNext: 2 });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push(await call("GET", "/clients?limit=1"));
    expect(statuses.map((r) => r.status)).toEqual([500, 500, 200]);
    expect(statuses[0].body.error.code).toBe("internal");
  });

  it("fails matching paths, adds latency, and clears with DELETE /admin/faults", async () => {
    sb = await startTestSandbox();
    const call = client(sb);
    await admin("POST", "/admin/faults", { failPaths: ["POST /clients/*/tasks"], latencyMs: 60 });
    const started = Date.now();
    expect((await call("GET", "/tasks")).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
    const cid = (await call("GET", "/clients?limit=1")).body.data[0].id;
    expect((await call("POST", `/clients/${cid}/tasks`, { body: { title: "x" } })).status).toBe(500);
    expect(await (await admin("DELETE", "/admin/faults")).json()).toMatchObject({ failPaths: [], latencyMs: 0 });
    expect((await call("POST", `/clients/${cid}/tasks`, { body: { title: "x" } })).status).toBe(201);
    expect((await admin("POST", "/admin/faults", { failRate: 2 })).status).toBe(422);
  });

  it("matches path patterns with * and **", () => {
    expect(pathMatches("/clients/*", "GET", "/v1/clients/cli_1")).toBe(true);
    expect(pathMatches("/clients/*", "GET", "/v1/clients/cli_1/tasks")).toBe(false);
    expect(pathMatches("/clients/**", "GET", "/v1/clients/cli_1/tasks")).toBe(true);
    expect(pathMatches("PATCH /tasks/*", "GET", "/v1/tasks/t1")).toBe(false);
  });
});

describe("admin", () => {
  it("logs API requests with method, path, status and idempotency key", async () => {
    sb = await startTestSandbox();
    const call = client(sb);
    await admin("DELETE", "/admin/requests");
    await call("GET", "/clients?limit=1");
    await call("POST", "/clients/upsert", { headers: { "idempotency-key": "k-log" }, body: { match: ["email"], client: { email: "log@example.com" } } });
    const { data } = await (await admin("GET", "/admin/requests?method=POST")).json();
    expect(data).toEqual([expect.objectContaining({ method: "POST", path: "/v1/clients/upsert", status: 201, idempotencyKey: "k-log", operationId: "upsertClient" })]);
    expect(sb.requests()).toHaveLength(2);
  });

  it("renders clients with linked records, testids and a working search", async () => {
    sb = await startTestSandbox();
    const call = client(sb);
    const c = (await call("POST", "/clients/upsert", { body: { match: ["email"], client: { fullName: "Page <Test>", email: "page@example.com", externalIds: { ghl: "g-page" } } } })).body.client;
    await call("POST", `/clients/${c.id}/tasks`, { body: { title: "Workflow wrote this task" } });
    await call("POST", `/clients/${c.id}/appointments`, { body: { title: "Consult", startsAt: "2026-02-01T15:00:00Z", endsAt: "2026-02-01T16:00:00Z" } });
    const html = await (await admin("GET", "/admin")).text();
    expect(html).toContain(`data-testid="client-card" data-client-id="${c.id}" data-email="page@example.com"`);
    expect(html).toContain("Page &#60;Test&#62;");
    expect(html).toContain('data-system="ghl"');
    expect(html.indexOf(c.id)).toBeLessThan(html.indexOf("cli_000001"));
    const searched = await (await admin("GET", "/admin?q=workflow%20wrote")).text();
    expect(searched.match(/data-testid="client-card"/g)).toHaveLength(1);
    expect(searched).toContain('data-testid="task-row"');
    expect(searched).toContain('data-testid="appointment-row"');
    const none = await (await admin("GET", "/admin?q=zzz-nothing")).text();
    expect(none).toContain('data-testid="no-results"');
  });

  it("changes an order status from the page's form and redirects back", async () => {
    sb = await startTestSandbox();
    const order = (await client(sb)("GET", "/orders?limit=1")).body.data[0];
    const res = await fetch(`${sb.url}/admin/orders/${order.id}/status`, {
      method: "POST", redirect: "manual", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "status=cancelled&q=",
    });
    expect(res.status).toBe(303);
    expect((await client(sb)("GET", `/orders/${order.id}`)).body.status).toBe("cancelled");
    const changes = (await client(sb)("GET", "/changes?types=order&limit=200")).body.data;
    expect(changes.at(-1)).toMatchObject({ action: "updated", id: order.id });
  });
});
