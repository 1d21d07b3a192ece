/**
 * Alerts on the real database and queue: a failed run queues an alert job, a worker posts a
 * signed webhook to a local receiver, email without SMTP is logged and recorded, repeated
 * failures within the cooldown fold into one digest, and a run is alerted about once.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { getSetting, putSetting, saveAlertSettings } from "@/lib/db/settings";
import { lockSettingsForFile } from "@/lib/db/test-settings-lock";
import { QUEUES, startQueue, stopQueue, work } from "@/lib/engine/queue";
import { finishRun } from "@/lib/engine/run/lifecycle";
import { SIGNATURE_HEADER, verifyAlertSignature } from "./channels";
import { deliverAlert, type AlertJob } from "./deliver";

type Received = { headers: Record<string, string | string[] | undefined>; body: string };
const received: Received[] = [];
let server: Server;
let hookUrl: string;
let unlockSettings: () => Promise<void>;

beforeAll(async () => {
  unlockSettings = await lockSettingsForFile();
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      res.writeHead(req.url === "/broken" ? 500 : 204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  hookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  await startQueue({ role: "worker" });
  await work<AlertJob>(QUEUES.alert, { batchSize: 2, pollingIntervalSeconds: 0.5 }, async (jobs) => {
    for (const job of jobs) await deliverAlert(job.data);
  });
});

afterAll(async () => {
  await stopQueue();
  await new Promise((resolve) => server.close(resolve));
  await putSetting("alerts", {});
  await unlockSettings();
  await disconnectDb();
});

beforeEach(() => {
  process.env.BLOOMBRIDGE_WEBHOOK_ALLOW_PRIVATE = "true";
});

/** The claim the seeded runs are held under, as if a worker had claimed them. */
const workerClaim = crypto.randomUUID();

async function seedRun() {
  const workflow = await db().workflow.create({ data: { name: `alerts ${crypto.randomUUID().slice(0, 6)}`, draftGraph: {}, enabled: true } });
  const version = await db().workflowVersion.create({ data: { workflowId: workflow.id, version: 1, graph: {}, triggerKey: "k" } });
  const newRun = async () => {
    const event = await db().triggerEvent.create({ data: { source: "manual", delivery: "manual", dedupeKey: crypto.randomUUID(), eventType: "k", payload: {} } });
    const run = await db().run.create({ data: { workflowId: workflow.id, workflowVersionId: version.id, eventId: event.id, triggerKey: "k", delivery: "manual", status: "running", claimId: workerClaim } });
    return run.id;
  };
  return { workflowId: workflow.id, newRun };
}

async function deliveriesOf(where: { runId?: string; workflowId?: string }) {
  return db().alertDelivery.findMany({ where, orderBy: { createdAt: "asc" } });
}

async function waitFor<T>(probe: () => Promise<T | undefined | null | false>): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const value = await probe();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("gave up waiting");
}

describe("alerts", () => {
  it("a failed run queues an alert job whose webhook arrives signed with the settings' secret", async () => {
    const settings = await saveAlertSettings({ emailTo: [], webhookUrl: hookUrl, onFailure: true, onAutoPause: true });
    expect(settings.webhookSecret).toMatch(/^whsec_/);
    const { workflowId, newRun } = await seedRun();
    const runId = await newRun();
    await finishRun({ id: runId, workflow_id: workflowId, claim_id: workerClaim }, { status: "failed", error: { message: "DF said 422: date is in the past" } });

    const hit = await waitFor(async () => received.find((r) => JSON.parse(r.body).run?.id === runId));
    const payload = JSON.parse(hit.body);
    expect(payload).toMatchObject({ type: "run_failed", workflow: { id: workflowId }, run: { id: runId, error: "DF said 422: date is in the past" } });
    expect(verifyAlertSignature(hit.body, String(hit.headers[SIGNATURE_HEADER]), settings.webhookSecret!)).toBe(true);
    expect(verifyAlertSignature(hit.body, String(hit.headers[SIGNATURE_HEADER]), "whsec_wrong-secret-wrong-secret-xx")).toBe(false);
    const [delivery] = await waitFor(async () => {
      const rows = await deliveriesOf({ runId });
      return rows[0]?.status === "sent" && rows;
    });
    expect(delivery).toMatchObject({ kind: "run_failed", channel: "webhook", target: hookUrl, status: "sent" });
  });

  it("logs and records the email when SMTP_URL is unset, and alerts about a run once", async () => {
    await saveAlertSettings({ emailTo: ["ops@example.com"], onFailure: true, onAutoPause: true });
    const { workflowId, newRun } = await seedRun();
    const runId = await newRun();
    const first = await deliverAlert({ kind: "run_failed", workflowId, runId });
    expect(first.deliveries).toEqual([{ channel: "email", status: "logged" }]);
    expect(await deliverAlert({ kind: "run_failed", workflowId, runId })).toMatchObject({ decision: "duplicate" });
    const rows = await deliveriesOf({ runId });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ channel: "email", target: "ops@example.com", status: "logged" });
  });

  it("folds failures inside the cooldown into one digest sent when it ends", async () => {
    await saveAlertSettings({ emailTo: ["ops@example.com"], onFailure: true, onAutoPause: true });
    const { workflowId, newRun } = await seedRun();
    const start = new Date();
    const at = (ms: number) => new Date(start.getTime() + ms);
    const cooldownMs = 60_000;
    expect((await deliverAlert({ kind: "run_failed", workflowId, runId: await newRun() }, { cooldownMs, now: at(0) })).decision).toBe("sent");
    for (let i = 1; i <= 4; i++) {
      expect((await deliverAlert({ kind: "run_failed", workflowId, runId: await newRun() }, { cooldownMs, now: at(i * 1000) })).decision).toBe("suppressed");
    }
    // Too early: the digest waits for the end of the cooldown.
    expect((await deliverAlert({ kind: "digest", workflowId }, { cooldownMs, now: at(30_000) })).decision).toBe("suppressed");
    expect((await deliverAlert({ kind: "digest", workflowId }, { cooldownMs, now: at(cooldownMs + 1) })).decision).toBe("sent");
    const sent = (await deliveriesOf({ workflowId })).filter((d) => d.status !== "suppressed");
    expect(sent.map((d) => [d.kind, d.failedRuns])).toEqual([["run_failed", 1], ["digest", 4]]);
    expect(sent[1].subject).toMatch(/^4 more runs of ".*" failed$/);
    // Nothing new failed: a second digest has nothing to say.
    expect((await deliverAlert({ kind: "digest", workflowId }, { cooldownMs, now: at(3 * cooldownMs) })).decision).toBe("nothing_to_digest");
  });

  it("records a refused or failing webhook as a failed delivery with the reason", async () => {
    const { workflowId, newRun } = await seedRun();
    process.env.BLOOMBRIDGE_WEBHOOK_ALLOW_PRIVATE = "false";
    await saveAlertSettings({ emailTo: [], webhookUrl: hookUrl, onFailure: true, onAutoPause: true });
    const refused = await deliverAlert({ kind: "run_failed", workflowId, runId: await newRun() }, { cooldownMs: 0 });
    expect(refused.deliveries[0]).toMatchObject({ channel: "webhook", status: "failed", error: expect.stringMatching(/Refusing to send to 127\.0\.0\.1.*loopback/) });

    process.env.BLOOMBRIDGE_WEBHOOK_ALLOW_PRIVATE = "true";
    await saveAlertSettings({ emailTo: [], webhookUrl: hookUrl.replace("/hook", "/broken"), onFailure: true, onAutoPause: true });
    const broken = await deliverAlert({ kind: "run_failed", workflowId, runId: await newRun() }, { cooldownMs: 0 });
    expect(broken.deliveries[0]).toMatchObject({ status: "failed", error: "The webhook answered HTTP 500" });
  });

  it("respects the on/off switches and keeps the signing secret across saves", async () => {
    const before = await saveAlertSettings({ emailTo: ["ops@example.com"], webhookUrl: hookUrl, onFailure: false, onAutoPause: true });
    const { workflowId, newRun } = await seedRun();
    expect((await deliverAlert({ kind: "run_failed", workflowId, runId: await newRun() })).decision).toBe("disabled");
    expect((await getSetting("alerts")).webhookSecret).toBe(before.webhookSecret);
  });
});
