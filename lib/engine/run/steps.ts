/** StepRun checkpoints: written before the run moves on, reused by restarts and replays. */
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { capPayload } from "./payload";
import { redactSecrets } from "./redact";

export type StepStatus = "succeeded" | "failed" | "skipped" | "running" | "waiting" | "retrying";

export type StepRecord = { stepKey: string; nodeId: string; status: string; output: unknown; attempt: number; error: unknown };

export async function loadSteps(runId: string): Promise<Map<string, StepRecord>> {
  const rows = await db().stepRun.findMany({ where: { runId }, select: { stepKey: true, nodeId: true, status: true, output: true, attempt: true, error: true } });
  return new Map(rows.map((r) => [r.stepKey, r]));
}

const json = (v: unknown) => (v === null || v === undefined ? undefined : (v as Prisma.InputJsonValue));

export async function saveStep(input: {
  runId: string;
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
}): Promise<void> {
  const cappedIn = capPayload(redactSecrets(input.input));
  const cappedOut = capPayload(redactSecrets(input.output));
  const finishedAt = input.finishedAt === undefined ? new Date() : input.finishedAt;
  const data = {
    nodeId: input.nodeId,
    status: input.status,
    input: json(cappedIn.value),
    output: json(cappedOut.value),
    error: json(redactSecrets(input.error)),
    calls: redactSecrets(input.calls ?? []) as Prisma.InputJsonValue,
    attempt: input.attempt,
    truncated: cappedIn.truncated || cappedOut.truncated,
    startedAt: input.startedAt,
    finishedAt,
    durationMs: finishedAt ? finishedAt.getTime() - input.startedAt.getTime() : null,
  };
  await db().stepRun.upsert({
    where: { runId_stepKey: { runId: input.runId, stepKey: input.stepKey } },
    create: { runId: input.runId, stepKey: input.stepKey, ...data },
    update: data,
  });
}
