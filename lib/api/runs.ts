/** Run reads for /api/v1: keyset pagination (newest first) over the engine's run filter. */
import type { z } from "zod";
import { db } from "@/lib/db/client";
import type { Prisma, Run, StepRun } from "@/lib/generated/prisma/client";
import { runWhere, type RunFilter } from "@/lib/engine/run/replay";
import { HttpError } from "@/lib/auth/guard";
import { iso, isoOrNull, notFound, requireUuid } from "./http";
import type { listRunsQuery, runSchema, runSummarySchema } from "./schemas";

type RunFilterInput = Omit<z.output<typeof listRunsQuery>, "cursor" | "limit">;

export function toRunFilter(input: RunFilterInput): RunFilter {
  return {
    workflowId: input.workflowId,
    status: input.status,
    delivery: input.delivery,
    contact: input.contact,
    from: input.from ? new Date(input.from) : undefined,
    to: input.to ? new Date(input.to) : undefined,
  };
}

/** The cursor is the last row's (createdAt, id), so pages stay stable while new runs arrive. */
function encodeCursor(run: Pick<Run, "createdAt" | "id">): string {
  return Buffer.from(`${run.createdAt.toISOString()}|${run.id}`).toString("base64url");
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, "base64url").toString().split("|");
  const createdAt = new Date(at ?? "");
  if (!id || Number.isNaN(createdAt.getTime())) {
    throw new HttpError(422, "validation_failed", "The cursor is not one this API returned; pass nextCursor from the previous page unchanged", [
      { field: "cursor", message: "Unrecognised cursor" },
    ]);
  }
  return { createdAt, id };
}

export async function listRunsPage(query: z.output<typeof listRunsQuery>) {
  const { cursor, limit, ...filter } = query;
  const where: Prisma.RunWhereInput = runWhere(toRunFilter(filter));
  if (cursor) {
    const after = decodeCursor(cursor);
    where.AND = [{ OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] }];
  }
  const rows = await db().run.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: limit + 1 });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { data: page.map(toRunSummary), nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
}

export async function findRunOr404(rawId: string | undefined) {
  const id = requireUuid(rawId, "Run");
  const run = await db().run.findUnique({ where: { id }, include: { steps: { orderBy: { startedAt: "asc" } } } });
  if (!run) throw notFound("Run", id);
  return run;
}

export function toRunSummary(run: Run): z.input<typeof runSummarySchema> {
  return {
    id: run.id,
    workflowId: run.workflowId,
    workflowVersionId: run.workflowVersionId,
    eventId: run.eventId,
    status: run.status,
    triggerKey: run.triggerKey,
    delivery: run.delivery,
    subject: { id: run.subjectId, email: run.subjectEmail, name: run.subjectName },
    error: run.error,
    attempts: run.attempts,
    replayOfId: run.replayOfId,
    replayMode: run.replayMode,
    resolvedById: run.resolvedById,
    createdAt: iso(run.createdAt),
    startedAt: isoOrNull(run.startedAt),
    finishedAt: isoOrNull(run.finishedAt),
  };
}

export function toRun(run: Run & { steps: StepRun[] }): z.input<typeof runSchema> {
  return {
    ...toRunSummary(run),
    steps: run.steps.map((step) => ({
      id: step.id,
      nodeId: step.nodeId,
      stepKey: step.stepKey,
      status: step.status,
      input: step.input,
      output: step.output,
      error: step.error,
      calls: step.calls,
      attempt: step.attempt,
      truncated: step.truncated,
      startedAt: iso(step.startedAt),
      finishedAt: isoOrNull(step.finishedAt),
      durationMs: step.durationMs,
    })),
  };
}
