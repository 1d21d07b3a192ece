/**
 * Replays create a new run of the same event, linked to the original. "From the failed
 * step" copies the original's finished steps that ran before the failure, so the executor
 * reuses them and their API calls are not repeated; the other modes re-execute everything
 * (writes stay idempotent through the ID map and idempotency keys).
 */
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RunStatusName } from "./statuses";

export const REPLAY_MODES = ["from_failed_step", "from_start", "latest_version"] as const;
export type ReplayMode = (typeof REPLAY_MODES)[number];

export class ReplayError extends Error {}

/** `client`: the caller's transaction (the replay then commits with the caller's other writes). */
export async function replayRun(runId: string, mode: ReplayMode, client?: Prisma.TransactionClient): Promise<string> {
  const original = await (client ?? db()).run.findUnique({ where: { id: runId }, include: { workflow: true, steps: true } });
  if (!original) throw new ReplayError(`Run ${runId} does not exist`);
  if (["queued", "running", "waiting"].includes(original.status)) throw new ReplayError("The run is still in progress; cancel it first or wait for it to end");
  let versionId = original.workflowVersionId;
  if (mode === "latest_version") {
    if (!original.workflow.publishedVersionId) throw new ReplayError("The workflow has no published version");
    versionId = original.workflow.publishedVersionId;
  }
  if (mode === "from_failed_step" && original.status !== "failed") throw new ReplayError("Only failed runs can be replayed from the failed step");

  const write = async (tx: Prisma.TransactionClient) => {
    const created = await tx.run.create({
      data: {
        workflowId: original.workflowId,
        workflowVersionId: versionId,
        eventId: original.eventId,
        triggerKey: original.triggerKey,
        delivery: original.delivery,
        subjectId: original.subjectId,
        subjectEmail: original.subjectEmail,
        subjectName: original.subjectName,
        replayOfId: original.id,
        replayMode: mode,
      },
    });
    if (mode === "from_failed_step") {
      const finished = original.steps.filter((s) => s.status === "succeeded");
      if (finished.length) {
        await tx.stepRun.createMany({
          data: finished.map((s) => ({
            runId: created.id,
            nodeId: s.nodeId,
            stepKey: s.stepKey,
            status: s.status,
            input: (s.input ?? undefined) as Prisma.InputJsonValue | undefined,
            output: (s.output ?? undefined) as Prisma.InputJsonValue | undefined,
            calls: [],
            attempt: s.attempt,
            truncated: s.truncated,
            startedAt: s.startedAt,
            finishedAt: s.finishedAt,
            durationMs: 0,
          })),
        });
      }
    }
    return created;
  };
  const replay = client ? await write(client) : await db().$transaction(write);
  // Inserting the run made it due and woke the workers at commit (runs_notify_inserted).
  return replay.id;
}

export type RunFilter = {
  workflowId?: string;
  status?: RunStatusName;
  from?: Date;
  to?: Date;
  delivery?: string;
  contact?: string;
};

export function runWhere(filter: RunFilter): Prisma.RunWhereInput {
  const contact = filter.contact?.trim();
  return {
    ...(filter.workflowId ? { workflowId: filter.workflowId } : {}),
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.delivery ? { delivery: filter.delivery } : {}),
    ...(filter.from || filter.to ? { createdAt: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lte: filter.to } : {}) } } : {}),
    ...(contact ? { OR: [{ subjectId: contact }, { subjectEmail: contact.toLowerCase() }] } : {}),
  };
}

/**
 * The ended runs a bulk replay in `mode` would replay: the filter, narrowed to replayable
 * statuses; failed runs a later replay already fixed are left out unless `includeResolved`.
 */
export function bulkReplayWhere(filter: RunFilter, mode: ReplayMode, options: { includeResolved?: boolean } = {}): Prisma.RunWhereInput {
  const replayable: RunStatusName[] = mode === "from_failed_step" ? ["failed"] : ["failed", "succeeded", "filtered", "cancelled"];
  return {
    AND: [
      runWhere(filter),
      { status: { in: replayable.filter((s) => !filter.status || s === filter.status) } },
      ...(options.includeResolved ? [] : [{ resolvedById: null }]),
    ],
  };
}

export const BULK_REPLAY_LIMIT = 500;

export function countBulkReplay(filter: RunFilter, mode: ReplayMode, options: { includeResolved?: boolean } = {}): Promise<number> {
  return db().run.count({ where: bulkReplayWhere(filter, mode, options) });
}

/** Replays every ended run matching the filter (at most `limit`); returns the new run ids. */
export async function bulkReplay(
  filter: RunFilter,
  mode: ReplayMode,
  limit = BULK_REPLAY_LIMIT,
  options: { includeResolved?: boolean; client?: Prisma.TransactionClient } = {},
): Promise<string[]> {
  const runs = await (options.client ?? db()).run.findMany({ where: bulkReplayWhere(filter, mode, options), select: { id: true }, orderBy: { createdAt: "asc" }, take: limit });
  const ids: string[] = [];
  for (const run of runs) ids.push(await replayRun(run.id, mode, options.client));
  return ids;
}
