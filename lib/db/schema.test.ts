/**
 * Every Prisma model round-trips on the database built by our SQL migrations, so the
 * hand-written SQL and schema.prisma cannot drift apart unnoticed.
 */
import { afterAll, describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { db, disconnectDb } from "./client";

const stamp = Date.now().toString(36);
const at = new Date("2026-11-28T12:00:00.000Z");

type Case = { create: () => Promise<Record<string, unknown>>; read: (row: Record<string, unknown>) => Promise<unknown> };

const cases: Record<Prisma.ModelName, Case> = {
  User: {
    create: () => db().user.create({ data: { email: `u-${stamp}@example.com`, name: "U", passwordHash: "h", role: "editor", lastLoginAt: at } }),
    read: (r) => db().user.findUniqueOrThrow({ where: { id: String(r.id) } }),
  },
  LoginThrottle: {
    create: () => db().loginThrottle.create({ data: { key: `k-${stamp}`, failures: 2, windowStart: at, lockedUntil: at } }),
    read: (r) => db().loginThrottle.findUniqueOrThrow({ where: { key: String(r.key) } }),
  },
  ApiKey: {
    create: () => db().apiKey.create({ data: { name: "ci", prefix: "bb_abc", hash: `h-${stamp}`, role: "admin", lastUsedAt: at } }),
    read: (r) => db().apiKey.findUniqueOrThrow({ where: { id: String(r.id) } }),
  },
  Connection: {
    create: () =>
      db().connection.create({
        data: { provider: "ghl", kind: "oauth2", label: "L", accountId: "loc", companyId: "co", scopes: ["contacts.readonly"], secret: "v1.x", expiresAt: at, status: "needs_reconnect", maxConcurrentRequests: 7 },
      }),
    read: (r) => db().connection.findUniqueOrThrow({ where: { id: String(r.id) } }),
  },
  OAuthState: {
    create: () => db().oAuthState.create({ data: { state: `s-${stamp}`, provider: "ghl", userId: "00000000-0000-4000-8000-000000000001", expiresAt: at, returnTo: "/connections" } }),
    read: (r) => db().oAuthState.findUniqueOrThrow({ where: { state: String(r.state) } }),
  },
  RateLimitBucket: {
    create: () => db().rateLimitBucket.create({ data: { key: `b-${stamp}`, windowStart: at, windowCount: 3, windowMax: 100, windowMs: 10000, day: "2026-11-28", dayCount: 9, dayMax: 200000, blockedUntil: at } }),
    read: (r) => db().rateLimitBucket.findUniqueOrThrow({ where: { key: String(r.key) } }),
  },
  ConnectionSlot: {
    create: async () => {
      const conn = await db().connection.create({ data: { provider: "details-flowers", kind: "api_key", label: "S", secret: "v1.x" } });
      return db().connectionSlot.create({ data: { connectionId: conn.id, slot: 3, holder: "123:abc", leaseUntil: at, acquiredAt: at } });
    },
    read: (r) => db().connectionSlot.findUniqueOrThrow({ where: { connectionId_slot: { connectionId: String(r.connectionId), slot: Number(r.slot) } } }),
  },
  Workflow: {
    create: () => db().workflow.create({ data: { name: "W", draftGraph: { schemaVersion: 1, nodes: [], edges: [] }, pausedReason: "p", consecutiveFailures: 2, maxConcurrentRuns: 3 } }),
    read: (r) => db().workflow.findUniqueOrThrow({ where: { id: String(r.id) } }),
  },
  WorkflowVersion: {
    create: async () => {
      const wf = await db().workflow.create({ data: { name: "WV", draftGraph: {} } });
      return db().workflowVersion.create({ data: { workflowId: wf.id, version: 1, graph: { a: [1, "b"] }, triggerKey: "ghl.contact.created", note: "n" } });
    },
    read: (r) => db().workflowVersion.findUniqueOrThrow({ where: { id: String(r.id) } }),
  },
  WorkflowSample: {
    create: async () => {
      const wf = await db().workflow.create({ data: { name: "WS", draftGraph: {} } });
      return db().workflowSample.create({ data: { workflowId: wf.id, nodeId: "trigger", sample: { email: "a@b.c", tags: ["x"] }, source: "event", capturedAt: at } });
    },
    read: (r) => db().workflowSample.findUniqueOrThrow({ where: { workflowId_nodeId: { workflowId: String(r.workflowId), nodeId: String(r.nodeId) } } }),
  },
  TriggerState: {
    create: () => db().triggerState.create({ data: { key: `t-${stamp}`, cursor: "c", seen: ["a|1"], lastPolledAt: at } }),
    read: (r) => db().triggerState.findUniqueOrThrow({ where: { key: String(r.key) } }),
  },
  TriggerEvent: {
    create: () => db().triggerEvent.create({ data: { source: "ghl", delivery: "webhook", dedupeKey: `d-${stamp}`, eventType: "ContactCreate", accountId: "loc", payload: { id: "c1" }, subjectEmail: "a@b.c" } }),
    read: (r) => db().triggerEvent.findUniqueOrThrow({ where: { id: String(r.id) } }),
  },
  Run: {
    create: async () => {
      const wf = await db().workflow.create({ data: { name: "R", draftGraph: {} } });
      const v = await db().workflowVersion.create({ data: { workflowId: wf.id, version: 1, graph: {}, triggerKey: "k" } });
      const ev = await db().triggerEvent.create({ data: { source: "manual", delivery: "manual", dedupeKey: `r-${crypto.randomUUID()}`, eventType: "x", payload: {} } });
      return db().run.create({ data: { workflowId: wf.id, workflowVersionId: v.id, eventId: ev.id, triggerKey: "k", delivery: "manual", status: "waiting", waitingFor: "rate_limit", waitUntil: at, error: { message: "m" }, claimId: crypto.randomUUID() } });
    },
    read: (r) => db().run.findUniqueOrThrow({ where: { id: String(r.id) } }),
  },
  StepRun: {
    create: async () => {
      const run = await cases.Run.create();
      return db().stepRun.create({ data: { runId: String(run.id), nodeId: "n1", stepKey: "n1", status: "succeeded", input: { a: 1 }, output: { b: 2 }, calls: [{ method: "GET" }], durationMs: 5, finishedAt: at } });
    },
    read: (r) => db().stepRun.findUniqueOrThrow({ where: { id: String(r.id) } }),
  },
  IdMap: {
    create: () => db().idMap.create({ data: { sourceSystem: "ghl", sourceType: "contact", sourceId: `c-${stamp}`, targetSystem: "details-flowers", targetType: "client", targetId: "df1" } }),
    read: (r) => db().idMap.findUniqueOrThrow({ where: { id: String(r.id) } }),
  },
  IdMapLock: {
    create: () => db().idMapLock.create({ data: { key: `ghl:contact:c-${stamp}`, holder: crypto.randomUUID(), expiresAt: at } }),
    read: (r) => db().idMapLock.findUniqueOrThrow({ where: { key: String(r.key) } }),
  },
  AuditLog: {
    create: () => db().auditLog.create({ data: { actorType: "system", action: "test", target: "x", details: { ok: true } } }),
    read: (r) => db().auditLog.findUniqueOrThrow({ where: { id: String(r.id) } }),
  },
  Backfill: {
    create: async () => {
      const wf = await db().workflow.create({ data: { name: "B", draftGraph: {} } });
      const conn = await db().connection.create({ data: { provider: "ghl", kind: "pit", label: "G", secret: "v1.x" } });
      return db().backfill.create({
        data: { workflowId: wf.id, connectionId: conn.id, scope: { includeTasks: true, since: "2026-01-01" }, status: "paused", cursor: [1700000000000, "abc"], total: 60, done: 20, failed: 1, startedAt: at, error: "e" },
      });
    },
    read: (r) => db().backfill.findUniqueOrThrow({ where: { id: String(r.id) } }),
  },
  AlertDelivery: {
    create: () => db().alertDelivery.create({ data: { kind: "test", channel: "webhook", target: "https://example.com/hook", status: "sent", subject: "Test alert" } }),
    read: (r) => db().alertDelivery.findUniqueOrThrow({ where: { id: String(r.id) } }),
  },
  Setting: {
    create: () => db().setting.create({ data: { key: `s-${stamp}`, value: { retentionDays: 30 } } }),
    read: (r) => db().setting.findUniqueOrThrow({ where: { key: String(r.key) } }),
  },
};

afterAll(disconnectDb);

describe("schema round-trip", () => {
  it("has a case for every model", () => {
    expect(Object.keys(cases).sort()).toEqual(Object.values(Prisma.ModelName).sort());
  });

  it.each(Object.keys(cases) as Prisma.ModelName[])("%s", async (model) => {
    const created = await cases[model].create();
    const read = await cases[model].read(created);
    expect(read).toEqual(created);
  });

  it("keeps published versions immutable", async () => {
    const created = await cases.WorkflowVersion.create();
    await expect(db().workflowVersion.update({ where: { id: String(created.id) }, data: { note: "changed" } })).rejects.toThrow(/immutable/);
  });
});
