import { route } from "@/lib/auth/guard";
import { auditApiWrite } from "@/lib/api/audit";
import { conflict, respond } from "@/lib/api/http";
import { toRunFilter } from "@/lib/api/runs";
import { bulkReplayBody, bulkReplayResponse } from "@/lib/api/schemas";
import { ReplayError, bulkReplay } from "@/lib/engine/run/replay";

export const dynamic = "force-dynamic";

/** Replays ended runs matching the filter, oldest first, at most `limit` of them. */
export const POST = route({ role: "editor", apiKeys: true, input: bulkReplayBody }, async ({ input, principal }) => {
  let runIds: string[];
  try {
    runIds = await bulkReplay(toRunFilter(input.filter), input.mode, input.limit, { includeResolved: input.includeResolved });
  } catch (error) {
    // Runs replayed before the failure stay queued; the message says why the rest stopped.
    if (error instanceof ReplayError) throw conflict(`The bulk replay stopped: ${error.message}`);
    throw error;
  }
  await auditApiWrite(principal, "run.bulk_replay", "runs", { filter: input.filter, mode: input.mode, count: runIds.length });
  return respond(bulkReplayResponse, { count: runIds.length, runIds }, 202);
});
