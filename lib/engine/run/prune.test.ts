import { afterAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { pruneRuns } from "./prune";

afterAll(disconnectDb);

async function seed(count: number, daysAgo: number, status: "succeeded" | "running" = "succeeded") {
  const workflow = await db().workflow.create({ data: { name: `prune ${crypto.randomUUID().slice(0, 6)}`, draftGraph: {} } });
  const version = await db().workflowVersion.create({ data: { workflowId: workflow.id, version: 1, graph: {}, triggerKey: "k" } });
  const at = new Date(Date.now() - daysAgo * 86_400_000);
  for (let i = 0; i < count; i++) {
    const event = await db().triggerEvent.create({ data: { source: "manual", delivery: "manual", dedupeKey: crypto.randomUUID(), eventType: "k", payload: {}, receivedAt: at } });
    const run = await db().run.create({ data: { workflowId: workflow.id, workflowVersionId: version.id, eventId: event.id, triggerKey: "k", delivery: "manual", status, createdAt: new Date(at.getTime() + i) } });
    await db().stepRun.create({ data: { runId: run.id, nodeId: "n", stepKey: "n", status: "succeeded" } });
  }
  return workflow.id;
}

describe("history pruning", () => {
  it("deletes ended runs past retention with their steps, keeps recent and unfinished ones", async () => {
    const old = await seed(3, 40);
    const stuckOld = await seed(1, 40, "running");
    const recent = await seed(2, 1);
    await pruneRuns({ maxAgeDays: 30, maxRunsPerWorkflow: 100 });
    expect(await db().run.count({ where: { workflowId: old } })).toBe(0);
    expect(await db().run.count({ where: { workflowId: stuckOld } })).toBe(1);
    expect(await db().run.count({ where: { workflowId: recent } })).toBe(2);
    expect(await db().stepRun.count({ where: { run: { workflowId: old } } })).toBe(0);
  });

  it("keeps at most N runs per workflow, the newest", async () => {
    const workflowId = await seed(105, 1);
    await pruneRuns({ maxAgeDays: 30, maxRunsPerWorkflow: 100 });
    const left = await db().run.findMany({ where: { workflowId }, orderBy: { createdAt: "asc" } });
    expect(left).toHaveLength(100);
  });
});
