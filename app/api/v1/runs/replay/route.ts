import { route } from "@/lib/auth/guard";
import { auditedApiWrite } from "@/lib/api/audit";
import { conflict, respond } from "@/lib/api/http";
import { toRunFilter } from "@/lib/api/runs";
import { bulkReplayBody, bulkReplayResponse } from "@/lib/api/schemas";
import { ReplayError, bulkReplay } from "@/lib/engine/run/replay";

export const dynamic = "force-dynamic";

/** Replays ended runs matching the filter, oldest first, at most `limit` of them: all of them with their audit row, or none. */
export const POST = route({ role: "editor", apiKeys: true, input: bulkReplayBody }, async ({ input, principal }) => {
  let runIds: string[];
  try {
    runIds = await auditedApiWrite(
      principal,
      (tx) => bulkReplay(toRunFilter(input.filter), input.mode, input.limit, { includeResolved: input.includeResolved, client: tx }),
      (ids) => ({ action: "run.bulk_replay", target: "runs", details: { filter: input.filter, mode: input.mode, count: ids.length } }),
    );
  } catch (error) {
    if (error instanceof ReplayError) throw conflict(`The bulk replay replayed nothing: ${error.message}`);
    throw error;
  }
  return respond(bulkReplayResponse, { count: runIds.length, runIds }, 202);
});
