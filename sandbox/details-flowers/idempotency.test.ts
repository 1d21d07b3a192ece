/** Idempotency-Key: identical retries replay, a reused key with another body is refused. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DfSandbox } from "./server";
import { client, startTestSandbox } from "./test-helpers";

let sb: DfSandbox;
let call: ReturnType<typeof client>;
beforeAll(async () => {
  sb = await startTestSandbox();
  call = client(sb);
});
afterAll(() => sb.close());

describe("idempotency", () => {
  it("replays the first response for the same key and body, without writing again", async () => {
    const clientId = (await call("GET", "/clients?limit=1")).body.data[0].id;
    const headers = { "idempotency-key": "task-1" };
    const body = { title: "Order peonies", body: "20 stems" };
    const first = await call("POST", `/clients/${clientId}/tasks`, { headers, body });
    const again = await call("POST", `/clients/${clientId}/tasks`, { headers, body: { body: "20 stems", title: "Order peonies" } });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    const tasks = (await call("GET", `/tasks?clientId=${clientId}&limit=200`)).body.data.filter((t: { title: string }) => t.title === "Order peonies");
    expect(tasks).toHaveLength(1);
    const logged = sb.requests().filter((r) => r.idempotencyKey === "task-1");
    expect(logged.map((r) => r.replayed)).toEqual([false, true]);
  });

  it("refuses the same key with a different body: 422 idempotency_key_reused", async () => {
    const clientId = (await call("GET", "/clients?limit=1")).body.data[0].id;
    const headers = { "idempotency-key": "note-1" };
    expect((await call("POST", `/clients/${clientId}/notes`, { headers, body: { body: "first" } })).status).toBe(201);
    const res = await call("POST", `/clients/${clientId}/notes`, { headers, body: { body: "second" } });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe("idempotency_key_reused");
  });

  it("does not store validation failures, so a corrected retry with the same key succeeds", async () => {
    const headers = { "idempotency-key": "upsert-1" };
    expect((await call("POST", "/clients/upsert", { headers, body: { match: ["email"], client: { email: "bad" } } })).status).toBe(422);
    expect((await call("POST", "/clients/upsert", { headers, body: { match: ["email"], client: { email: "bad" } } })).status).toBe(422);
    sb.setFaults({ failNext: 1 });
    const body = { match: ["email"], client: { email: "good@example.com" } };
    expect((await call("POST", "/clients/upsert", { headers: { "idempotency-key": "upsert-2" }, body })).status).toBe(500);
    const ok = await call("POST", "/clients/upsert", { headers: { "idempotency-key": "upsert-2" }, body });
    expect(ok.status).toBe(201);
    expect(ok.headers.get("idempotent-replayed")).toBeNull();
  });

  it("replays deletes and stored 404s", async () => {
    const note = (await call("GET", "/notes?limit=1")).body.data[0];
    const headers = { "idempotency-key": "del-1" };
    expect((await call("DELETE", `/notes/${note.id}`, { headers })).status).toBe(204);
    const again = await call("DELETE", `/notes/${note.id}`, { headers });
    expect(again.status).toBe(204);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect((await call("DELETE", `/notes/${note.id}`)).status).toBe(404);
  });
});
