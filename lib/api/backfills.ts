/** Backfill rows → API shapes, and engine refusals → HTTP errors. */
import type { z } from "zod";
import { HttpError } from "@/lib/auth/guard";
import { BackfillError } from "@/lib/engine/backfill/control";
import { progressOf } from "@/lib/engine/backfill/progress";
import { getBackfill, listBackfills, runCountsFor, type Backfill } from "@/lib/engine/backfill/store";
import { db } from "@/lib/db/client";
import type { backfillSchema } from "./backfill-schemas";
import { isoOrNull, notFound, requireUuid } from "./http";

export type BackfillView = z.input<typeof backfillSchema>;

export async function toBackfill(backfill: Backfill, workflowName?: string): Promise<BackfillView> {
  const name = workflowName ?? (await db().workflow.findUnique({ where: { id: backfill.workflowId }, select: { name: true } }))?.name ?? "";
  return {
    id: backfill.id,
    workflowId: backfill.workflowId,
    workflowName: name,
    connectionId: backfill.connectionId,
    scope: backfill.scope as Record<string, unknown>,
    status: backfill.status,
    ...progressOf(backfill),
    runs: await runCountsFor(backfill.id),
    error: backfill.error,
    startedAt: isoOrNull(backfill.startedAt),
    finishedAt: isoOrNull(backfill.finishedAt),
    createdAt: backfill.createdAt.toISOString(),
  };
}

export async function backfillViews(limit = 50): Promise<BackfillView[]> {
  const rows = await listBackfills(limit);
  return Promise.all(rows.map((row) => toBackfill(row, row.workflow.name)));
}

export async function findBackfillOr404(id: string | undefined): Promise<Backfill> {
  const backfill = await getBackfill(requireUuid(id, "Backfill"));
  if (!backfill) throw notFound("Backfill", id ?? "");
  return backfill;
}

export async function withBackfillErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof BackfillError) throw new HttpError(error.code === "not_found" ? 404 : 409, error.code, error.message);
    throw error;
  }
}
