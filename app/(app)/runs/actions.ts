"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action, HttpError } from "@/lib/auth/guard";
import { actorOf } from "@/lib/auth/principal";
import { recordAudit } from "@/lib/db/audit";
import { cancelRun } from "@/lib/engine/run/lifecycle";
import { REPLAY_MODES, ReplayError, replayRun } from "@/lib/engine/run/replay";
import { startQueue } from "@/lib/engine/queue";

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
