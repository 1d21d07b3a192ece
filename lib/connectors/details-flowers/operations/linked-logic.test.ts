/**
 * Match and link logic with a fake in-memory ID map and a scripted HTTP client: which call
 * each situation makes, with which Idempotency-Key, and what ends up linked.
 */
import { describe, expect, it } from "vitest";
import type { ExternalRef, IdMapPort, OperationContext } from "../../define";
import { FatalError } from "../../errors";
import type { HttpClient, HttpRequest } from "../../http";
import { classifyDfError } from "../errors";
import { createTask } from "./create-task";
import { completeTask } from "./complete-task";
import { sampleClient, sampleTask } from "./samples";
import { upsertClient } from "./upsert-client";

function fakeIdMap(): IdMapPort & { links: Map<string, string> } {
  const links = new Map<string, string>();
  const k = (r: ExternalRef, system: string, type: string) => `${r.system}/${r.type}/${r.id}->${system}/${type}`;
  return {
    links,
    find: async (source, system, type) => links.get(k(source, system, type)) ?? null,
    link: async (source, target) => void links.set(k(source, target.system, target.type), target.id),
    exclusive: (_source, _system, _type, write) => write(),
  };
}

type Reply = { status: number; body?: unknown };
function scriptedHttp(replies: Reply[]): HttpClient & { sent: HttpRequest[] } {
  const sent: HttpRequest[] = [];
  return {
    sent,
    async request(req) {
      sent.push(req);
      const reply = replies.shift() ?? { status: 500 };
      const res = { status: reply.status, headers: new Headers(), body: reply.body, call: { method: req.method, path: `/v1${req.path}`, status: reply.status } };
      if (reply.status >= 400) throw classifyDfError(res);
      return res;
    },
  };
}

const notFound = { status: 404, body: { error: { code: "not_found", message: "No client cl_gone", requestId: "r" } } };
const ctxOf = (http: HttpClient, idMap: IdMapPort): OperationContext => ({ http, idMap, idempotencyKey: "run1:n2:0", connection: { id: "c", accountId: null, scopes: [] } });
const runUpsert = (ctx: OperationContext, raw: Record<string, unknown>) => upsertClient.run(ctx, upsertClient.input.parse(raw));

describe("details-flowers.client.upsert", () => {
  it("unlinked contact: one upsert with the explicit match order, normalised keys, then links", async () => {
    const idMap = fakeIdMap();
    const http = scriptedHttp([{ status: 201, body: { client: sampleClient, created: true, matchedOn: null } }]);
    const out = await runUpsert(ctxOf(http, idMap), { ghlContactId: "g1", firstName: "Ada", email: "  Ada@Example.COM ", phone: "(555) 123-4567", tags: ["a", "a", " b "] });
    expect(http.sent).toEqual([
      expect.objectContaining({
        method: "POST",
        path: "/clients/upsert",
        headers: { "Idempotency-Key": "run1:n2:0:upsert" },
        body: {
          match: ["externalIds.ghl", "email", "phone"],
          client: { firstName: "Ada", email: "ada@example.com", phone: "+15551234567", tags: ["a", "b"], externalIds: { ghl: "g1" } },
        },
      }),
    ]);
    expect(out).toMatchObject({ created: true, matchedOn: null });
    expect(await idMap.find({ system: "ghl", type: "contact", id: "g1" }, "details-flowers", "client")).toBe(sampleClient.id);
  });

  it("linked contact: PATCHes the linked client, no upsert", async () => {
    const idMap = fakeIdMap();
    await idMap.link({ system: "ghl", type: "contact", id: "g1" }, { system: "details-flowers", type: "client", id: "cl_8f2k" });
    const http = scriptedHttp([{ status: 200, body: sampleClient }]);
    const out = await runUpsert(ctxOf(http, idMap), { ghlContactId: "g1", lastName: "Lovelace" });
    expect(http.sent.map((r) => `${r.method} ${r.path} ${r.headers?.["Idempotency-Key"]}`)).toEqual(["PATCH /clients/{id} run1:n2:0:patch".replace("{id}", "cl_8f2k")]);
    expect(http.sent[0].body).toEqual({ lastName: "Lovelace", externalIds: { ghl: "g1" } });
    expect(out).toMatchObject({ created: false, matchedOn: "idMap" });
  });

  it("linked client deleted in Details Flowers (404): falls back to the upsert and relinks", async () => {
    const idMap = fakeIdMap();
    await idMap.link({ system: "ghl", type: "contact", id: "g1" }, { system: "details-flowers", type: "client", id: "cl_gone" });
    const http = scriptedHttp([notFound, { status: 201, body: { client: sampleClient, created: true, matchedOn: null } }]);
    await runUpsert(ctxOf(http, idMap), { ghlContactId: "g1", email: "ada@example.com" });
    expect(http.sent.map((r) => r.path)).toEqual(["/clients/cl_gone", "/clients/upsert"]);
    expect(await idMap.find({ system: "ghl", type: "contact", id: "g1" }, "details-flowers", "client")).toBe("cl_8f2k");
  });

  it("a bad email or phone fails before any call, naming the field", async () => {
    const http = scriptedHttp([]);
    await expect(runUpsert(ctxOf(http, fakeIdMap()), { email: "not-an-email" })).rejects.toThrow(/^email: "not-an-email"/);
    await expect(runUpsert(ctxOf(http, fakeIdMap()), { phone: "12" })).rejects.toThrow(/^phone: "12"/);
    expect(http.sent).toHaveLength(0);
  });

  it("other errors from the linked PATCH are not swallowed", async () => {
    const idMap = fakeIdMap();
    await idMap.link({ system: "ghl", type: "contact", id: "g1" }, { system: "details-flowers", type: "client", id: "cl_8f2k" });
    const conflict = { status: 409, body: { error: { code: "conflict", message: "externalIds.ghl belongs to another client", details: [{ field: "externalIds.ghl", message: "taken" }], requestId: "r" } } };
    await expect(runUpsert(ctxOf(scriptedHttp([conflict]), idMap), { ghlContactId: "g1", email: "x@example.com" })).rejects.toThrow(/409 conflict.*externalIds\.ghl: taken/);
  });
});

describe("linked task writes", () => {
  it("errors clearly when the GHL contact is not linked yet", async () => {
    const http = scriptedHttp([]);
    const error = await createTask.run(ctxOf(http, fakeIdMap()), createTask.input.parse({ ghlContactId: "g9", title: "Call" })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FatalError);
    expect((error as Error).message).toBe("No Details Flowers client is linked to GHL contact g9 yet — run the client upsert first.");
    expect(http.sent).toHaveLength(0);
  });

  it("creates once, then a replay of the same GHL task updates instead of duplicating", async () => {
    const idMap = fakeIdMap();
    await idMap.link({ system: "ghl", type: "contact", id: "g1" }, { system: "details-flowers", type: "client", id: "cl_8f2k" });
    const http = scriptedHttp([{ status: 201, body: sampleTask }, { status: 200, body: sampleTask }]);
    const input = createTask.input.parse({ ghlContactId: "g1", ghlTaskId: "tsk_91", title: "Call about centrepieces" });
    const first = await createTask.run(ctxOf(http, idMap), input);
    const replay = await createTask.run(ctxOf(http, idMap), input);
    expect([first.created, replay.created]).toEqual([true, false]);
    expect(http.sent.map((r) => `${r.method} ${r.path} ${r.headers?.["Idempotency-Key"]}`)).toEqual([
      "POST /clients/cl_8f2k/tasks run1:n2:0:create",
      "PATCH /tasks/tk_51a run1:n2:0:update",
    ]);
    expect(http.sent[0].body).toMatchObject({ title: "Call about centrepieces", externalIds: { ghl: "tsk_91" } });
  });

  it("an explicit clientId needs no link", async () => {
    const http = scriptedHttp([{ status: 201, body: sampleTask }]);
    await createTask.run(ctxOf(http, fakeIdMap()), createTask.input.parse({ clientId: "cl_x", title: "T" }));
    expect(http.sent[0].path).toBe("/clients/cl_x/tasks");
  });

  it("complete: an unknown GHL task without a title cannot be created", async () => {
    const idMap = fakeIdMap();
    await idMap.link({ system: "ghl", type: "contact", id: "g1" }, { system: "details-flowers", type: "client", id: "cl_8f2k" });
    await expect(completeTask.run(ctxOf(scriptedHttp([]), idMap), completeTask.input.parse({ ghlTaskId: "t?", ghlContactId: "g1" }))).rejects.toThrow(/needs a title/);
  });
});
