/**
 * The production worker is the compiled bundle: it is built, rebuilt only when sources change,
 * and the bundle itself (plain node, no tsx) starts, runs a workflow and stops gracefully.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseUrl, db, disconnectDb } from "@/lib/db/client";
import { createIsolatedDatabase } from "@/lib/db/test-database";
import { createWorkflow, publishWorkflow } from "@/lib/db/workflows";
import { ingestEvent } from "@/lib/engine/ingest";
import { contactToWebhookGraph } from "@/lib/engine/run/runs.test-helper";
import { buildWorkerBundle, workerBundleIsFresh } from "./worker-bundle";

const root = path.resolve(import.meta.dirname, "../..");
let outDir: string;
const sharedDatabaseUrl = process.env.DATABASE_URL;

beforeAll(async () => {
  process.env.DATABASE_URL = await createIsolatedDatabase("bundle");
  outDir = mkdtempSync(path.join(root, ".build-test-"));
});

afterAll(async () => {
  rmSync(outDir, { recursive: true, force: true });
  await disconnectDb();
  process.env.DATABASE_URL = sharedDatabaseUrl;
});

describe("worker bundle", () => {
  it("builds once, runs a workflow with plain node, and stops on SIGTERM", async () => {
    const outfile = await buildWorkerBundle({ root, outDir });
    const builtAt = statSync(outfile).mtimeMs;
    expect(workerBundleIsFresh({ root, outDir })).toBe(true);
    expect(statSync(await buildWorkerBundle({ root, outDir })).mtimeMs).toBe(builtAt);

    const received: string[] = [];
    const receiver = http.createServer((req, res) => {
      received.push(String(req.headers["idempotency-key"]));
      req.resume();
      res.end("{}");
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    const workflow = await createWorkflow({ name: "bundle", graph: contactToWebhookGraph(`http://127.0.0.1:${(receiver.address() as AddressInfo).port}/`) });
    await publishWorkflow(workflow.id);

    const child = spawn(process.execPath, [outfile], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl(), BLOOMBRIDGE_ROLE: "worker", BLOOMBRIDGE_WEBHOOK_ALLOW_HOSTS: "127.0.0.1", LOG_LEVEL: "info", NODE_ENV: "production" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    try {
      const { runIds } = await ingestEvent({ source: "ghl", delivery: "webhook", dedupeKey: crypto.randomUUID(), eventType: "ContactCreate", accountId: null, payload: { type: "ContactCreate", id: "bundle-contact" } });
      expect(runIds).toHaveLength(1);
      const deadline = Date.now() + 30_000;
      while ((await db().run.findUniqueOrThrow({ where: { id: runIds[0] } })).status !== "succeeded") {
        if (Date.now() > deadline) throw new Error(`the bundled worker did not run the workflow; its output:\n${output}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(received).toEqual([`${runIds[0]}:send`]);
      expect(output).toContain("worker started");
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
    } finally {
      child.kill("SIGKILL");
      receiver.close();
    }
  }, 90_000);
});
