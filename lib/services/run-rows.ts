/** Runs as the list shows them (JSON-safe, shared by the page and the live stream), and the changes since a moment. */
import { db } from "@/lib/db/client";
import { runWhere, type RunFilter } from "@/lib/engine/run/replay";

export type RunRow = {
  id: string;
  status: string;
  workflowId: string;
  workflowName: string;
  triggerKey: string;
  delivery: string;
  contactName: string | null;
  contactEmail: string | null;
  contactId: string | null;
  waitingFor: string | null;
  waitUntil: string | null;
  attempts: number;
  /** A failed run a later replay fixed: that replay. */
  resolvedById: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  updatedAt: string;
};

type RunRecord = {
  id: string;
  status: string;
  workflowId: string;
  workflow: { name: string };
  triggerKey: string;
  delivery: string;
  subjectName: string | null;
  subjectEmail: string | null;
  subjectId: string | null;
  waitingFor: string | null;
  waitUntil: Date | null;
  attempts: number;
  resolvedById: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  updatedAt: Date;
};

export function toRunRow(r: RunRecord): RunRow {
  return {
    id: r.id,
    status: r.status,
    workflowId: r.workflowId,
    workflowName: r.workflow.name,
    triggerKey: r.triggerKey,
    delivery: r.delivery,
    contactName: r.subjectName,
    contactEmail: r.subjectEmail,
    contactId: r.subjectId,
    waitingFor: r.waitingFor,
    waitUntil: r.waitUntil?.toISOString() ?? null,
    attempts: r.attempts,
    resolvedById: r.resolvedById,
    createdAt: r.createdAt.toISOString(),
    startedAt: r.startedAt?.toISOString() ?? null,
    finishedAt: r.finishedAt?.toISOString() ?? null,
    updatedAt: r.updatedAt.toISOString(),
  };
}

/**
 * Runs matching the filter that changed at or after `since`, oldest change first. Callers
 * pass a `since` slightly in the past because a transaction can commit after a later one
 * with an earlier timestamp; they drop rows whose `updatedAt` they already sent.
 */
export async function runsChangedSince(filter: RunFilter, since: Date, limit = 200): Promise<RunRow[]> {
  const rows = await db().run.findMany({
    where: { AND: [runWhere(filter), { updatedAt: { gte: since } }] },
    include: { workflow: { select: { name: true } } },
    orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
    take: limit,
  });
  return rows.map(toRunRow);
}
