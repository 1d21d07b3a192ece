/** StepRun checkpoints: written before the run moves on, reused by restarts and replays. */
import { pgPool } from "@/lib/db/client";
import { capPayload } from "./payload";
import { redactSecrets } from "./redact";

export type StepStatus = "succeeded" | "failed" | "skipped" | "running" | "waiting" | "retrying";

export type StepRecord = { stepKey: string; nodeId: string; status: string; output: unknown; attempt: number; error: unknown };

export type StepCheckpoint = {
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
};

/** JSON text for a jsonb parameter; SQL NULL for null/undefined (on update: keep what is stored). */
const jsonText = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));

/**
 * The step row's values as parameters $3…$14 of the statements below ($1 run id, $2 claim id):
 * payloads capped and secrets redacted, as every stored step is.
 */
export function stepParameters(step: StepCheckpoint): unknown[] {
  const cappedIn = capPayload(redactSecrets(step.input));
  const cappedOut = capPayload(redactSecrets(step.output));
  const finishedAt = step.finishedAt === undefined ? new Date() : step.finishedAt;
  const durationMs = finishedAt ? finishedAt.getTime() - step.startedAt.getTime() : null;
  return [
    step.runId,
    step.claimId,
    step.nodeId,
    step.stepKey,
    step.status,
    jsonText(cappedIn.value),
    jsonText(cappedOut.value),
    jsonText(redactSecrets(step.error)),
    JSON.stringify(redactSecrets(step.calls ?? [])),
    step.attempt,
    cappedIn.truncated || cappedOut.truncated,
    step.startedAt,
    finishedAt,
    durationMs,
  ];
}

/**
 * INSERT … SELECT from a one-row relation `owner` (the run, proven to be held by the claim);
 * an absent input, output or error keeps what an earlier attempt stored.
 */
export const UPSERT_STEP_FROM_OWNER = `
    INSERT INTO step_runs (run_id, node_id, step_key, status, input, output, error, calls, attempt, truncated, started_at, finished_at, duration_ms)
    SELECT owner.id, $3, $4, $5, $6::jsonb, $7::jsonb, $8::jsonb, $9::jsonb, $10::int, $11::boolean, $12::timestamptz, $13::timestamptz, $14::int
    FROM owner
    ON CONFLICT (run_id, step_key) DO UPDATE SET
      node_id = EXCLUDED.node_id, status = EXCLUDED.status,
      input = COALESCE(EXCLUDED.input, step_runs.input), output = COALESCE(EXCLUDED.output, step_runs.output),
      error = COALESCE(EXCLUDED.error, step_runs.error), calls = EXCLUDED.calls, attempt = EXCLUDED.attempt,
      truncated = EXCLUDED.truncated, started_at = EXCLUDED.started_at, finished_at = EXCLUDED.finished_at, duration_ms = EXCLUDED.duration_ms
    RETURNING 1`;

/**
 * The run row is locked FOR SHARE, so a new claim waits for this write to commit and then
 * loads it, or this write sees the new claim and is refused. Returns the run's status, so a
 * cancel is noticed at the next checkpoint.
 */
const SAVE_STEP = `
  WITH owner AS (SELECT id, status FROM runs WHERE id = $1::uuid AND claim_id = $2::uuid FOR SHARE),
  saved AS (${UPSERT_STEP_FROM_OWNER})
  SELECT owner.status::text AS status FROM owner WHERE EXISTS (SELECT 1 FROM saved)`;

/**
 * Writes the checkpoint only while `claimId` is the run's current claim ("lost" otherwise);
 * "cancelled" when it was written but the run has been cancelled meanwhile.
 */
export async function saveStep(step: StepCheckpoint): Promise<"saved" | "cancelled" | "lost"> {
  const { rows } = await pgPool().query<{ status: string }>({ name: "bloombridge-save-step", text: SAVE_STEP, values: stepParameters(step) });
  const status = rows[0]?.status;
  return status === undefined ? "lost" : status === "cancelled" ? "cancelled" : "saved";
}
