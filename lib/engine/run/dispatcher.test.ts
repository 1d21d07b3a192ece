/**
 * The run queue with real worker processes on a database of their own: runs start because a
 * NOTIFY woke a worker (the safety-net poll is set to a minute), two workers woken for the same
 * runs execute each once, and a SIGKILLed worker's runs are taken over within the default lease.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { databaseUrl, db, disconnectDb } from "@/lib/db/client";
import { createIsolatedDatabase } from "@/lib/db/test-database";
import { createWorkflow, publishWorkflow } from "@/lib/db/workflows";
import { spawnWorker, type WorkerProcess } from "@/lib/worker/spawn-worker";
import { ingestEvent } from "../ingest";
import { LEASE_MS } from "./lifecycle";
import { contactToWebhookGraph } from "./runs.test-helper";

type Call = { key: string; at: number };
const calls: Call[] = [];
/** While set, the receiver takes requests but never answers them (a worker is mid-call). */
let holding = false;
const held: http.ServerResponse[] = [];
let server: http.Server;
const workers: WorkerProcess[] = [];
const sharedDatabaseUrl = process.env.DATABASE_URL;

beforeAll(async () => {
  process.env.DATABASE_URL = await createIsolatedDatabase("dispatch");
  server = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      calls.push({ key: String(req.headers["idempotency-key"]), at: Date.now() });
      if (holding) return void held.push(res);
      res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const workflow = await createWorkflow({ name: "dispatch test", graph: contactToWebhookGraph(`http://127.0.0.1:${port}/hook`, { retries: 0 }) });
  await publishWorkflow(workflow.id);
}, 60_000);

afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.kill()));
});

afterAll(async () => {
  holding = false;
  held.splice(0).forEach((res) => res.destroy());
  await new Promise((resolve) => server.close(resolve));
  await disconnectDb();
  process.env.DATABASE_URL = sharedDatabaseUrl;
});

function startWorker(env: Record<string, string> = {}): WorkerProcess {
  const worker = spawnWorker({ DATABASE_URL: databaseUrl(), BLOOMBRIDGE_WEBHOOK_ALLOW_HOSTS: "127.0.0.1", BLOOMBRIDGE_POLL_INTERVAL_MS: "60000", WORKER_CONCURRENCY: "16", ...env });
  workers.push(worker);
  return worker;
}

let sequence = 0;
/** Ingests `n` "contact created" webhooks at once; their run ids. */
async function contactsCreated(n: number): Promise<string[]> {
  const results = await Promise.all(
    Array.from({ length: n }, () => {
      const id = `dispatch-${++sequence}-${crypto.randomUUID().slice(0, 6)}`;
      return ingestEvent({ source: "ghl", delivery: "webhook", dedupeKey: id, eventType: "ContactCreate", accountId: "loc-dispatch", payload: { type: "ContactCreate", locationId: "loc-dispatch", id } });
    }),
  );
  return results.flatMap((r) => r.runIds);
}

async function until<T>(what: string, probe: () => Promise<T | undefined | null | false> | T | undefined | null | false, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const succeeded = async (runIds: string[]) => (await db().run.count({ where: { id: { in: runIds }, status: "succeeded" } })) === runIds.length;
const callsFor = (runIds: string[]) => calls.filter((c) => runIds.some((id) => c.key.startsWith(`${id}:`)));

describe("run dispatch", () => {
  it("starts a run within seconds of its webhook though the safety-net poll is a minute", async () => {
    startWorker();
    // The first run may be picked up by the worker's start-up claim; the second can only be
    // started by the NOTIFY of its commit.
    const first = await contactsCreated(1);
    await until("the first run", () => succeeded(first), 60_000);
    await new Promise((r) => setTimeout(r, 300));
    const sentAt = Date.now();
    const second = await contactsCreated(1);
    await until("the second run's call", () => callsFor(second).length > 0, 10_000);
    console.info(`webhook → API call with the poll at 60 s: ${callsFor(second)[0].at - sentAt} ms`);
    await until("the second run to succeed", () => succeeded(second), 10_000);
  }, 90_000);

  it("executes each run once when two workers are woken for the same runs", async () => {
    startWorker();
    startWorker();
    await new Promise((r) => setTimeout(r, 3_000)); // both listening
    const runIds = (await Promise.all(Array.from({ length: 6 }, () => contactsCreated(50)))).flat();
    expect(runIds).toHaveLength(300);
    await until("all 300 runs", () => succeeded(runIds), 60_000);
    const keys = callsFor(runIds).map((c) => c.key);
    expect(keys).toHaveLength(300);
    expect(new Set(keys).size).toBe(300);
    const steps = await db().stepRun.groupBy({ by: ["runId"], where: { runId: { in: runIds } }, _count: true });
    expect(steps.every((s) => s._count === 1)).toBe(true);
  }, 120_000);

  it(`takes over a SIGKILLed worker's runs within the default lease (${LEASE_MS / 1000} s) plus 10 s`, async () => {
    holding = true;
    const doomed = startWorker({ BLOOMBRIDGE_POLL_INTERVAL_MS: "2000" });
    const runIds = await contactsCreated(5);
    await until("the worker's calls to be in flight", () => callsFor(runIds).length === 5, 60_000);
    await doomed.kill();
    const killedAt = Date.now();
    holding = false;
    held.splice(0).forEach((res) => res.destroy());
    startWorker({ BLOOMBRIDGE_POLL_INTERVAL_MS: "2000" });
    await until("every run to succeed", () => succeeded(runIds), LEASE_MS + 30_000);
    const retakenAt = Math.max(...runIds.map((id) => calls.filter((c) => c.key.startsWith(`${id}:`))[1]?.at ?? Infinity));
    console.info(`runs of a killed worker taken over ${retakenAt - killedAt} ms after the kill (lease ${LEASE_MS} ms)`);
    expect(retakenAt - killedAt).toBeLessThan(LEASE_MS + 10_000);
    const runs = await db().run.findMany({ where: { id: { in: runIds } }, include: { steps: true } });
    expect(runs.every((r) => r.status === "succeeded" && r.steps.length === 1)).toBe(true);
  }, LEASE_MS + 120_000);
});
