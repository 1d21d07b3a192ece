/**
 * Recipe 1 under injected Details Flowers faults: 429 storms park runs as rate-limit waits
 * without spending attempts; 5xx bursts are retried; every run finishes with one client each.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { createConnection } from "@/lib/db/connections";
import { createIsolatedDatabase } from "@/lib/db/test-database";
import { publishWorkflow } from "@/lib/db/workflows";
import { startDfSandbox, type DfSandbox } from "@/sandbox/details-flowers/server";
import { ingestEvent } from "../ingest";
import { startQueue, stopQueue } from "../queue";
import { governorKey } from "../rate-governor";
import { installTemplate } from "../templates/install";
import { executeRun } from "./execute";

const RUNS = 30;
let df: DfSandbox;
let dfConnectionId: string;
let runIds: string[];
const sharedDatabaseUrl = process.env.DATABASE_URL;

beforeAll(async () => {
  // Its own database and queue, which no worker serves: this test alone decides when runs execute.
  process.env.DATABASE_URL = await createIsolatedDatabase("faults");
  await startQueue({ role: "web" });
  df = await startDfSandbox({ port: 0, statePath: null, seed: false, rateLimit: 100_000 });
  process.env.DF_API_BASE_URL = df.baseUrl;
  const accountId = `faults-${crypto.randomUUID().slice(0, 8)}`;
  const ghl = await createConnection({ provider: "ghl", kind: "pit", label: "GHL", credentials: { accessToken: "pit-sandbox-token" }, accountId });
  dfConnectionId = (await createConnection({ provider: "details-flowers", kind: "client_credentials", label: "DF", credentials: { clientId: df.options.clientId, clientSecret: df.options.clientSecret } })).id;
  const workflow = await installTemplate("contact-to-client", { connections: { ghl: ghl.id, "details-flowers": dfConnectionId } });
  await publishWorkflow(workflow.id);
  runIds = [];
  for (let i = 0; i < RUNS; i++) {
    const contact = { id: `faults-contact-${i}`, firstName: "Fault", lastName: `Test ${i}`, email: `fault.${i}@example.com` };
    const { runIds: started } = await ingestEvent({ source: "ghl", delivery: "webhook", dedupeKey: `${accountId}:${i}`, eventType: "ContactCreate", accountId, payload: { type: "ContactCreate", locationId: accountId, ...contact } });
    runIds.push(...started);
  }
}, 60_000);

afterAll(async () => {
  await stopQueue({ graceful: false });
  await df.close();
  await disconnectDb();
  process.env.DATABASE_URL = sharedDatabaseUrl;
});

const run = (id: string) => db().run.findUniqueOrThrow({ where: { id }, include: { steps: true } });

/** Executes a run now, as a worker would once its wait is over (the test does not sit out backoffs). */
async function executeNow(runId: string) {
  await db().rateLimitBucket.deleteMany({ where: { key: governorKey("details-flowers", dfConnectionId) } });
  await db().run.updateMany({ where: { id: runId, status: "waiting" }, data: { waitUntil: new Date() } });
  return executeRun(runId);
}

describe("recipe 1 under injected faults", () => {
  it("waits out 429s without spending attempts, retries 5xx, and finishes every run once", async () => {
    expect(runIds).toHaveLength(RUNS);
    expect(await executeNow(runIds[0])).toEqual({ kind: "done" }); // fetches and caches the DF token

    df.setFaults({ rateLimitStorm: true });
    const stormed = runIds.slice(1, 6);
    for (const id of stormed) {
      expect(await executeNow(id)).toEqual({ kind: "parked" });
      const parked = await run(id);
      expect(parked).toMatchObject({ status: "waiting", waitingFor: "rate_limit", attempts: 0 });
      expect(parked.steps).toMatchObject([{ stepKey: "upsertClient", status: "waiting", attempt: 1 }]);
    }
    df.clearFaults();

    // 5xx bursts of shrinking size: each round's first requests fail, the rest go through.
    let retriesSeen = 0;
    for (const burst of [12, 5, 2, 0]) {
      df.setFaults({ failNext: burst });
      const pending = await db().run.findMany({ where: { id: { in: runIds }, status: { in: ["queued", "waiting"] } }, select: { id: true } });
      for (const { id } of pending) {
        const outcome = await executeNow(id);
        if (outcome?.kind !== "parked") continue;
        expect(await run(id)).toMatchObject({ status: "waiting", waitingFor: "retry:upsertClient" });
        retriesSeen++;
      }
    }
    expect(retriesSeen).toBeGreaterThanOrEqual(12);

    const runs = await db().run.findMany({ where: { id: { in: runIds } }, include: { steps: true } });
    expect(runs.map((r) => r.status)).toEqual(Array(RUNS).fill("succeeded"));
    // Only 5xx retries count as attempts; the 429 waits before them did not.
    expect(runs.reduce((sum, r) => sum + r.attempts, 0)).toBe(retriesSeen);
    for (const r of runs) expect(r.steps).toMatchObject([{ stepKey: "upsertClient", status: "succeeded", attempt: r.attempts + 1 }]);

    const clients = Object.values(df.sandbox.store.state.records.client);
    expect(clients).toHaveLength(RUNS);
    expect(new Set(clients.map((c) => c.externalIds?.ghl)).size).toBe(RUNS);
  });
});
