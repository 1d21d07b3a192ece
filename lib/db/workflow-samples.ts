/** The mapper's sample data per workflow step, and the events a trigger test can draw from. */
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "./client";

export type SampleSource = "event" | "poll" | "example" | "test";
export type StoredSample = { nodeId: string; sample: unknown; source: SampleSource; capturedAt: Date };

export async function saveSample(workflowId: string, nodeId: string, sample: unknown, source: SampleSource): Promise<StoredSample> {
  const value = (sample ?? null) as Prisma.InputJsonValue;
  const row = await db().workflowSample.upsert({
    where: { workflowId_nodeId: { workflowId, nodeId } },
    create: { workflowId, nodeId, sample: value, source },
    update: { sample: value, source, capturedAt: new Date() },
  });
  return { nodeId: row.nodeId, sample: row.sample, source: row.source as SampleSource, capturedAt: row.capturedAt };
}

export async function samplesFor(workflowId: string): Promise<StoredSample[]> {
  const rows = await db().workflowSample.findMany({ where: { workflowId } });
  return rows.map((r) => ({ nodeId: r.nodeId, sample: r.sample, source: r.source as SampleSource, capturedAt: r.capturedAt }));
}

/** Recent stored events of these types, newest first (any delivery: webhook, polling, backfill). */
export async function recentEvents(filter: { source: string; eventTypes: string[]; accountId?: string | null; take?: number }) {
  return db().triggerEvent.findMany({
    where: { source: filter.source, eventType: { in: filter.eventTypes }, ...(filter.accountId ? { accountId: filter.accountId } : {}) },
    orderBy: { receivedAt: "desc" },
    take: filter.take ?? 5,
    select: { payload: true, receivedAt: true, eventType: true },
  });
}

/** Each step's status in the workflow's latest run, for the canvas badges. */
export async function lastRunStepStatus(workflowId: string): Promise<{ runId: string; status: Record<string, string> } | null> {
  const run = await db().run.findFirst({ where: { workflowId }, orderBy: { createdAt: "desc" }, select: { id: true, steps: { select: { nodeId: true, status: true, startedAt: true }, orderBy: { startedAt: "asc" } } } });
  if (!run) return null;
  // Inside loops a node has one step per item; the last one decides its badge.
  const status: Record<string, string> = {};
  for (const step of run.steps) status[step.nodeId] = step.status;
  return { runId: run.id, status };
}
