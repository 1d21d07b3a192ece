import { route } from "@/lib/auth/guard";
import { auditedApiWrite } from "@/lib/api/audit";
import { conflict, respond } from "@/lib/api/http";
import { findRunOr404 } from "@/lib/api/runs";
import { replayBody, replayResponse } from "@/lib/api/schemas";
import { ReplayError, replayRun } from "@/lib/engine/run/replay";

export const dynamic = "force-dynamic";

/** A new run of the same event, linked to this one; 409 while the run is still in progress. */
export const POST = route({ role: "editor", apiKeys: true, input: replayBody }, async ({ params, input, principal }) => {
  const run = await findRunOr404(params.id);
  let runId: string;
  try {
    runId = await auditedApiWrite(
      principal,
      (tx) => replayRun(run.id, input.mode, tx),
      (replayId) => ({ action: "run.replay", target: run.id, details: { mode: input.mode, runId: replayId } }),
    );
  } catch (error) {
    if (error instanceof ReplayError) throw conflict(`Run ${run.id} cannot be replayed: ${error.message}`);
    throw error;
  }
  return respond(replayResponse, { runId }, 202);
});
