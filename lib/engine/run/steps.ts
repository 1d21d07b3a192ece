/** StepRun checkpoints: written before the run moves on, reused by restarts and replays. */
import { db } from "@/lib/db/client";
import { capPayload } from "./payload";
import { redactSecrets } from "./redact";

export type StepStatus = "succeeded" | "failed" | "skipped" | "running" | "waiting" | "retrying";

export type StepRecord = { stepKey: string; nodeId: string; status: string; output: unknown; attempt: number; error: unknown };

/** JSON text for a jsonb parameter; SQL NULL for null/undefined (on update: keep what is stored). */
const jsonText = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));

/**
 * Writes the checkpoint only while `claimId` is the run's current claim ("lost" otherwise).
 * The run row is locked FOR SHARE, so a new claim waits for this write to commit and then
 * loads it, or this write sees the new claim and is refused.
 */
export async function saveStep(input: {
  runId: string;
  claimId: string;
  nodeId: string;
  stepKey: string;
  status: StepStatus;
  input?: unknown;
  output?: unknown;
  error?: unknown;
  calls?: unknown[];
  attempt: number;
  startedAt: Date;
  finishedAt?: Date | null;
}): Promise<"saved" | "lost"> {
  const cappedIn = capPayload(redactSecrets(input.input));
  const cappedOut = capPayload(redactSecrets(input.output));
  const finishedAt = input.finishedAt === undefined ? new Date() : input.finishedAt;
  const durationMs = finishedAt ? finishedAt.getTime() - input.startedAt.getTime() : null;
  // Raw SQL: this runs for every step, and a model upsert costs Prisma a query compilation.
  // An absent input, output or error keeps what an earlier attempt stored.
  const rows = await db().$queryRaw<unknown[]>`
    INSERT INTO step_runs (run_id, node_id, step_key, status, input, output, error, calls, attempt, truncated, started_at, finished_at, duration_ms)
    SELECT r.id, ${input.nodeId}, ${input.stepKey}, ${input.status}, ${jsonText(cappedIn.value)}::jsonb, ${jsonText(cappedOut.value)}::jsonb,
           ${jsonText(redactSecrets(input.error))}::jsonb, ${JSON.stringify(redactSecrets(input.calls ?? []))}::jsonb, ${input.attempt}::int,
           ${cappedIn.truncated || cappedOut.truncated}, ${input.startedAt}::timestamptz, ${finishedAt}::timestamptz, ${durationMs}::int
    FROM runs r WHERE r.id = ${input.runId}::uuid AND r.claim_id = ${input.claimId}::uuid
    FOR SHARE
    ON CONFLICT (run_id, step_key) DO UPDATE SET
      node_id = EXCLUDED.node_id, status = EXCLUDED.status,
      input = COALESCE(EXCLUDED.input, step_runs.input), output = COALESCE(EXCLUDED.output, step_runs.output),
      error = COALESCE(EXCLUDED.error, step_runs.error), calls = EXCLUDED.calls, attempt = EXCLUDED.attempt,
      truncated = EXCLUDED.truncated, started_at = EXCLUDED.started_at, finished_at = EXCLUDED.finished_at, duration_ms = EXCLUDED.duration_ms
    RETURNING 1`;
  return rows.length ? "saved" : "lost";
}
