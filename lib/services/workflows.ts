/** Workflow list with status and run health, and the list page's operations. */
import { db } from "@/lib/db/client";
import { createWorkflow, EMPTY_GRAPH, importWorkflow } from "@/lib/db/workflows";
import { describeProblem, toPgSafeJson } from "@/lib/json/pg-safe";
import { installTemplate } from "@/lib/engine/templates/install";

export type WorkflowStatus = "draft" | "published" | "paused";

export type WorkflowListItem = {
  id: string;
  name: string;
  description: string | null;
  status: WorkflowStatus;
  pausedReason: string | null;
  version: number | null;
  updatedAt: Date;
  lastRun: { id: string; status: string; createdAt: Date } | null;
  runsConsidered: number;
  errorRate: number | null;
};

export function statusOf(w: { enabled: boolean; publishedVersionId: string | null }): WorkflowStatus {
  if (!w.publishedVersionId) return "draft";
  return w.enabled ? "published" : "paused";
}

const HEALTH_WINDOW = 100;

export async function listWorkflowsWithHealth(search?: string): Promise<WorkflowListItem[]> {
  const workflows = await db().workflow.findMany({
    where: search ? { name: { contains: search, mode: "insensitive" } } : {},
    include: { publishedVersion: { select: { version: true } } },
    orderBy: { updatedAt: "desc" },
  });
  if (!workflows.length) return [];
  // Error rate over each workflow's last 100 ended runs, in one query.
  const health = await db().$queryRaw<{ workflow_id: string; total: number; failed: number; last_id: string; last_status: string; last_at: Date }[]>`
    SELECT workflow_id::text, count(*)::int AS total, count(*) FILTER (WHERE status = 'failed')::int AS failed,
           (array_agg(id::text ORDER BY created_at DESC))[1] AS last_id,
           (array_agg(status::text ORDER BY created_at DESC))[1] AS last_status,
           max(created_at) AS last_at
    FROM (
      SELECT r.*, row_number() OVER (PARTITION BY workflow_id ORDER BY created_at DESC) AS n FROM runs r
      WHERE workflow_id = ANY(${workflows.map((w) => w.id)}::uuid[])
    ) recent
    WHERE n <= ${HEALTH_WINDOW}
    GROUP BY workflow_id`;
  const byId = new Map(health.map((h) => [h.workflow_id, h]));
  return workflows.map((w) => {
    const h = byId.get(w.id);
    return {
      id: w.id,
      name: w.name,
      description: w.description,
      status: statusOf(w),
      pausedReason: w.pausedReason,
      version: w.publishedVersion?.version ?? null,
      updatedAt: w.updatedAt,
      lastRun: h ? { id: h.last_id, status: h.last_status, createdAt: h.last_at } : null,
      runsConsidered: h?.total ?? 0,
      errorRate: h && h.total ? h.failed / h.total : null,
    };
  });
}

export async function createBlankWorkflow(name: string, createdById: string | null) {
  return createWorkflow({ name, graph: EMPTY_GRAPH, createdById });
}

export async function createFromTemplate(key: string, createdById: string | null) {
  return installTemplate(key, { createdById });
}

export async function renameWorkflow(id: string, name: string) {
  return db().workflow.update({ where: { id }, data: { name } });
}

/** False when the workflow no longer exists. */
export async function setMaxConcurrentRuns(id: string, maxConcurrentRuns: number): Promise<boolean> {
  const { count } = await db().workflow.updateMany({ where: { id }, data: { maxConcurrentRuns } });
  return count > 0;
}

export async function duplicateWorkflow(id: string, createdById: string | null) {
  const source = await db().workflow.findUniqueOrThrow({ where: { id } });
  return createWorkflow({ name: `${source.name} (copy)`, description: source.description, graph: source.draftGraph, createdById });
}

export async function deleteWorkflow(id: string) {
  await db().workflow.delete({ where: { id } });
}

export async function importWorkflowJson(text: string, createdById: string | null) {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error("That is not valid JSON; paste a file exported from Bloombridge");
  }
  // The pasted text is checked as the API checks bodies: nothing PostgreSQL would refuse.
  const { problems } = toPgSafeJson(data);
  if (problems.length) {
    throw Object.assign(new Error("The file holds text that cannot be stored"), { issues: problems.map((p) => ({ path: p.path, message: describeProblem(p).message })) });
  }
  return importWorkflow(data, createdById);
}
