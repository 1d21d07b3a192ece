/**
 * A manual run is an event aimed at one workflow: ingested like any trigger event, which
 * routes it in the same statement, so the caller gets the run id at once.
 */
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { getTrigger } from "@/lib/connectors/registry";
import { db } from "@/lib/db/client";
import { HttpError, zodDetails } from "@/lib/auth/guard";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ingestWithin } from "@/lib/engine/ingest";
import { conflict } from "./http";
import type { manualRunBody } from "./schemas";

type ManualRun = z.output<typeof manualRunBody>;

/** In the caller's transaction: the event, its run and the caller's audit row commit together. */
export async function startManualRun(workflow: { id: string; enabled: boolean; publishedVersionId: string | null }, request: ManualRun, tx: Prisma.TransactionClient) {
  if (!workflow.publishedVersionId) throw conflict(`Workflow ${workflow.id} has no published version; publish it before running it`);
  if (!workflow.enabled) throw conflict(`Workflow ${workflow.id} is paused; enable it before running it`);
  const version = await db().workflowVersion.findUniqueOrThrow({ where: { id: workflow.publishedVersionId } });
  const trigger = getTrigger(version.triggerKey);
  if (!trigger) throw conflict(`The published version uses trigger ${version.triggerKey}, which this server no longer offers`);

  const payload = request.payload ?? trigger.sample;
  const parsed = trigger.payload.safeParse(payload);
  if (!parsed.success) {
    throw new HttpError(422, "validation_failed", `The payload does not match the ${trigger.key} trigger's payload`, zodDetails(parsed.error).map((d) => ({ ...d, field: `payload.${d.field}` })));
  }
  const { eventId, duplicate, runIds } = await ingestWithin(tx, {
    source: trigger.connector,
    delivery: "manual",
    dedupeKey: `manual:${workflow.id}:${request.dedupeKey ?? randomUUID()}`,
    eventType: trigger.key,
    accountId: null,
    payload: { ...(payload as Record<string, unknown>), _bloombridge: { workflowId: workflow.id } },
    subject: request.subject,
  });
  const existing = duplicate ? await tx.run.findFirst({ where: { eventId, workflowId: workflow.id, replayOfId: null }, select: { id: true } }) : null;
  return { eventId, runId: runIds[0] ?? existing?.id ?? null, duplicate };
}
