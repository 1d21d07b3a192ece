import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseUrl, db, disconnectDb } from "@/lib/db/client";
import { QUEUES, enqueueWithinTransaction, ensureQueue, queue, schedule, send, startQueue, stopQueue, work, type Job } from "./queue";

// Queue names of our own, so a worker of another test file never takes these jobs.
const suffix = `${process.pid}_${Date.now().toString(36)}`;
const inbox = `test-inbox-${suffix}`;
const txQueue = `test-tx-${suffix}`;

beforeAll(async () => {
  await startQueue({ role: "worker" });
  await ensureQueue(inbox);
  await ensureQueue(txQueue);
});
afterAll(async () => {
  await queue().offWork(inbox);
  await queue().unschedule(inbox);
  // pg-boss 10 gives every queue its own partition table; do not leave ours behind.
  for (const name of [inbox, txQueue]) {
    await queue().getDb().executeSql("DELETE FROM pgboss.job WHERE name = $1", [name]);
    await queue().deleteQueue(name);
  }
  await stopQueue({ graceful: false });
  await disconnectDb();
});

describe("queue", () => {
  it("creates the fixed queues at start", async () => {
    const names = (await queue().getQueues()).map((q) => q.name);
    for (const name of Object.values(QUEUES)) expect(names).toContain(name);
  });

  it("delivers a sent job to a worker", async () => {
    const received = new Promise<Job<{ hello: string }>>((resolve) => {
      void work<{ hello: string }>(inbox, { batchSize: 1, pollingIntervalSeconds: 0.5 }, async ([job]) => resolve(job));
    });
    const id = await send(inbox, { hello: "world" }, { singletonKey: "k1", retryLimit: 1 });
    const job = await received;
    expect(job.id).toBe(id);
    expect(job.data).toEqual({ hello: "world" });
  });

  it("registers a UTC cron schedule", async () => {
    await schedule(inbox, "*/5 * * * *", { tick: true });
    const found = (await queue().getSchedules()).find((s) => s.name === inbox);
    expect(found).toMatchObject({ cron: "*/5 * * * *", timezone: "UTC", data: { tick: true } });
  });

  it("enqueues inside a pg transaction: rollback leaves no job, commit keeps it", async () => {
    const client = new pg.Client({ connectionString: databaseUrl() });
    await client.connect();
    try {
      await client.query("BEGIN");
      const rolledBack = await enqueueWithinTransaction(client, txQueue, { n: 1 });
      expect(rolledBack).toEqual(expect.any(String));
      await client.query("ROLLBACK");
      expect(await queue().getJobById(txQueue, rolledBack!)).toBeNull();

      await client.query("BEGIN");
      const committed = await enqueueWithinTransaction(client, txQueue, { n: 2 }, { startAfter: 3600 });
      // Not visible to others until the transaction commits.
      expect(await queue().getJobById(txQueue, committed!)).toBeNull();
      await client.query("COMMIT");
      expect((await queue().getJobById(txQueue, committed!))?.data).toEqual({ n: 2 });
    } finally {
      await client.end();
    }
  });

  it("enqueues inside a Prisma interactive transaction together with the caller's rows", async () => {
    const dedupeKey = `q-${suffix}`;
    let jobId: string | null = null;
    await expect(
      db().$transaction(async (tx) => {
        await tx.triggerEvent.create({ data: { source: "test", delivery: "webhook", dedupeKey, eventType: "X", payload: {} } });
        jobId = await enqueueWithinTransaction(tx, txQueue, { dedupeKey }, { singletonKey: dedupeKey, retryLimit: 3 });
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    expect(await queue().getJobById(txQueue, jobId!)).toBeNull();
    expect(await db().triggerEvent.findFirst({ where: { dedupeKey } })).toBeNull();

    const committed = await db().$transaction(async (tx) => {
      await tx.triggerEvent.create({ data: { source: "test", delivery: "webhook", dedupeKey, eventType: "X", payload: {} } });
      return enqueueWithinTransaction(tx, txQueue, { dedupeKey, nested: { list: [1, "a"] } }, { startAfter: new Date(Date.now() + 3600_000) });
    });
    const job = await queue().getJobById(txQueue, committed!);
    expect(job?.data).toEqual({ dedupeKey, nested: { list: [1, "a"] } });
    expect(job!.startAfter.getTime()).toBeGreaterThan(Date.now() + 3500_000);
  });
});
