"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action, HttpError } from "@/lib/auth/guard";
import { actorOf } from "@/lib/auth/principal";
import { recordAudit } from "@/lib/db/audit";
import { cancelRun } from "@/lib/engine/run/lifecycle";
import { BULK_REPLAY_LIMIT, REPLAY_MODES, ReplayError, bulkReplay, countBulkReplay, replayRun } from "@/lib/engine/run/replay";
import { startQueue } from "@/lib/engine/queue";
import { runFilterParams, toRunFilter } from "@/lib/services/run-filter";

export const replayRunAction = action("editor", z.object({ id: z.uuid(), mode: z.enum(REPLAY_MODES) }), async ({ id, mode }, principal) => {
  await startQueue({ role: "web" });
  try {
    const newId = await replayRun(id, mode);
    await recordAudit({ ...actorOf(principal), action: "run.replay", target: id, details: { mode, newRunId: newId } });
    revalidatePath("/runs");
    return { id: newId };
  } catch (error) {
    if (error instanceof ReplayError) throw new HttpError(409, "conflict", error.message);
    throw error;
  }
});

export const cancelRunAction = action("editor", z.object({ id: z.uuid() }), async ({ id }, principal) => {
  const cancelled = await cancelRun(id);
  if (!cancelled) throw new HttpError(409, "conflict", "The run already ended");
  await recordAudit({ ...actorOf(principal), action: "run.cancel", target: id });
  revalidatePath(`/runs/${id}`);
  return { id };
});

const bulkInput = z.object({ filter: runFilterParams, mode: z.enum(REPLAY_MODES) });

/** How many runs a bulk replay would replay now, for the confirmation. */
export const countBulkReplayAction = action("editor", bulkInput, async ({ filter, mode }) => {
  const matching = await countBulkReplay(toRunFilter(filter), mode);
  return { matching, willReplay: Math.min(matching, BULK_REPLAY_LIMIT) };
});

export const bulkReplayAction = action("editor", bulkInput.extend({ expected: z.number().int().min(1) }), async ({ filter, mode, expected }, principal) => {
  await startQueue({ role: "web" });
  const runFilter = toRunFilter(filter);
  // Never replay more than the person confirmed, even if more runs matched since.
  const ids = await bulkReplay(runFilter, mode, Math.min(expected, BULK_REPLAY_LIMIT));
  await recordAudit({ ...actorOf(principal), action: "run.bulk_replay", target: "runs", details: { filter, mode, count: ids.length } });
  revalidatePath("/runs");
  return { count: ids.length };
});
