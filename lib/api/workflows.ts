/** Workflow reads and the few writes the engine's lib/db/workflows.ts does not cover, for /api/v1. */
import { db } from "@/lib/db/client";
import type { Prisma, RunStatus, Workflow, WorkflowVersion } from "@/lib/generated/prisma/client";
import type { workflowSchema, workflowSummarySchema } from "./schemas";
import { migrateGraph } from "@/lib/engine/graph";
import { maskGraphSecrets } from "@/lib/engine/step-secrets";
import type { z } from "zod";
import { conflict, iso, notFound, requireUuid } from "./http";

type WorkflowRow = Workflow & {
  publishedVersion: Pick<WorkflowVersion, "version"> | null;
  runs: { id: string; status: RunStatus; createdAt: Date }[];
};

const withSummary = {
  publishedVersion: { select: { version: true } },
  runs: { select: { id: true, status: true, createdAt: true }, orderBy: { createdAt: "desc" }, take: 1 },
} as const;

export function workflowStatus(workflow: Pick<Workflow, "publishedVersionId" | "enabled">): "draft" | "published" | "paused" {
  if (!workflow.publishedVersionId) return "draft";
  return workflow.enabled ? "published" : "paused";
}

export function toWorkflowSummary(workflow: WorkflowRow): z.input<typeof workflowSummarySchema> {
  const lastRun = workflow.runs[0];
  return {
    id: workflow.id,
    name: workflow.name,
    description: workflow.description,
    status: workflowStatus(workflow),
    pausedReason: workflow.pausedReason,
    publishedVersion: workflow.publishedVersion?.version ?? null,
    maxConcurrentRuns: workflow.maxConcurrentRuns,
    draftUpdatedAt: iso(workflow.draftUpdatedAt),
    createdAt: iso(workflow.createdAt),
    updatedAt: iso(workflow.updatedAt),
    lastRun: lastRun ? { id: lastRun.id, status: lastRun.status, createdAt: iso(lastRun.createdAt) } : null,
  };
}

export function toWorkflow(workflow: WorkflowRow): z.input<typeof workflowSchema> {
  return { ...toWorkflowSummary(workflow), draftGraph: maskGraphSecrets(migrateGraph(workflow.draftGraph)) };
}

export async function listWorkflowsWithLastRun() {
  const rows = await db().workflow.findMany({ include: withSummary, orderBy: { updatedAt: "desc" } });
  return rows.map(toWorkflowSummary);
}

/** The workflow, or a 404 naming the id. */
export async function findWorkflowOr404(rawId: string | undefined) {
  const id = requireUuid(rawId, "Workflow");
  const workflow = await db().workflow.findUnique({ where: { id }, include: withSummary });
  if (!workflow) throw notFound("Workflow", id);
  return workflow;
}

export async function updateWorkflowFields(id: string, fields: { name?: string; description?: string | null; maxConcurrentRuns?: number }, client: Prisma.TransactionClient = db()) {
  await client.workflow.update({ where: { id }, data: fields });
}

/** Deleting removes its versions and run history too, so runs still in flight must end first. */
export async function deleteWorkflow(id: string, client: Prisma.TransactionClient = db()) {
  const active = await client.run.count({ where: { workflowId: id, status: { in: ["queued", "running", "waiting"] } } });
  if (active) throw conflict(`Workflow ${id} has ${active} run(s) in progress; cancel them or wait for them to end before deleting it`);
  await client.workflow.delete({ where: { id } });
}

export async function listVersions(workflowId: string, liveVersionId: string | null) {
  const versions = await db().workflowVersion.findMany({ where: { workflowId }, orderBy: { version: "desc" } });
  return versions.map((v) => ({ id: v.id, version: v.version, triggerKey: v.triggerKey, note: v.note, live: v.id === liveVersionId, createdAt: iso(v.createdAt) }));
}

export async function versionExists(workflowId: string, version: number): Promise<boolean> {
  return (await db().workflowVersion.count({ where: { workflowId, version } })) > 0;
}
