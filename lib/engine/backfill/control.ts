/** Start, pause, resume and cancel a backfill; what the API and the page call. */
import type { z } from "zod";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { migrateGraph, triggerOf } from "../graph";
import { startQueue } from "../queue";
import { enqueueBackfill, enqueueBackfillWithin } from "./job";
import { backfillScope, canBackfill, BACKFILL_TRIGGER_KEYS } from "./scope";
import { activeBackfillFor, insertBackfill, transition, type Backfill } from "./store";

/** A request the backfill cannot take, with a message for the person who made it. */
export class BackfillError extends Error {
  constructor(
    readonly code: "not_found" | "conflict",
    message: string,
  ) {
    super(message);
  }
}

export type StartInput = { workflowId: string; connectionId?: string; scope: z.input<typeof backfillScope>; createdById?: string | null };

async function ensureQueue() {
  await startQueue({ role: process.env.BLOOMBRIDGE_ROLE === "worker" ? "worker" : "web" });
}

/** The GHL connection to read from: the one asked for, else the trigger's, else the only one. */
async function pickConnection(requested: string | undefined, graph: unknown): Promise<string> {
  const fromTrigger = triggerOf(migrateGraph(graph))?.connectionId;
  const id = requested ?? fromTrigger;
  if (id) {
    const connection = await db().connection.findUnique({ where: { id } });
    if (!connection || connection.provider !== "ghl") throw new BackfillError("not_found", `GHL connection ${id} does not exist`);
    if (connection.status !== "active") throw new BackfillError("conflict", `GHL connection "${connection.label}" needs to be reconnected first`);
    return id;
  }
  const candidates = await db().connection.findMany({ where: { provider: "ghl", status: "active" }, select: { id: true } });
  if (candidates.length !== 1) {
    throw new BackfillError("conflict", candidates.length ? "Several GHL connections exist; choose the one to read contacts from" : "Connect a GHL location first");
  }
  return candidates[0].id;
}

/** `tx`, here and below: the caller's transaction, so its audit row commits with the change. */
type Tx = Prisma.TransactionClient;

export async function startBackfill(input: StartInput, tx?: Tx): Promise<Backfill> {
  const scope = backfillScope.parse(input.scope);
  const workflow = await db().workflow.findUnique({ where: { id: input.workflowId }, include: { publishedVersion: true } });
  if (!workflow) throw new BackfillError("not_found", `Workflow ${input.workflowId} does not exist`);
  const version = workflow.publishedVersion;
  if (!version) throw new BackfillError("conflict", `Workflow "${workflow.name}" has no published version; publish it first`);
  if (!workflow.enabled) throw new BackfillError("conflict", `Workflow "${workflow.name}" is paused; enable it first`);
  if (!canBackfill(version.triggerKey)) {
    throw new BackfillError("conflict", `Workflow "${workflow.name}" starts on ${version.triggerKey}; a backfill needs a GHL contact trigger (${BACKFILL_TRIGGER_KEYS.join(", ")})`);
  }
  const active = await activeBackfillFor(workflow.id);
  if (active) throw new BackfillError("conflict", `Backfill ${active.id} of this workflow is still ${active.status}; finish or cancel it first`);
  const connectionId = await pickConnection(input.connectionId, version.graph);
  await ensureQueue();
  const write = async (client: Tx) => {
    const backfill = await insertBackfill(client, { workflowId: workflow.id, connectionId, scope, createdById: input.createdById ?? null });
    await enqueueBackfillWithin(client, backfill.id);
    return backfill;
  };
  return tx ? write(tx) : db().$transaction(write);
}

async function existing(id: string): Promise<Backfill> {
  const backfill = await db().backfill.findUnique({ where: { id } });
  if (!backfill) throw new BackfillError("not_found", `Backfill ${id} does not exist`);
  return backfill;
}

/** Takes effect at the next page boundary; the page in flight is still saved. */
export async function pauseBackfill(id: string, tx?: Tx): Promise<Backfill> {
  const backfill = await existing(id);
  const paused = await transition(id, ["queued", "running"], "paused", { error: null, tx });
  if (!paused) throw new BackfillError("conflict", `Backfill ${id} is ${backfill.status}; only a running backfill can be paused`);
  return paused;
}

/** Goes on from the saved cursor; a failed backfill can be resumed too (it retries). */
export async function resumeBackfill(id: string, tx?: Tx): Promise<Backfill> {
  const backfill = await existing(id);
  if (backfill.status !== "paused" && backfill.status !== "failed") throw new BackfillError("conflict", `Backfill ${id} is ${backfill.status}; only a paused or failed backfill can be resumed`);
  await ensureQueue();
  const resumed = await transition(id, ["paused", "failed"], "running", { tx });
  if (!resumed) throw new BackfillError("conflict", `Backfill ${id} changed meanwhile; reload and try again`);
  await (tx ? enqueueBackfillWithin(tx, id) : enqueueBackfill(id));
  return resumed;
}

export async function cancelBackfill(id: string, tx?: Tx): Promise<Backfill> {
  const backfill = await existing(id);
  const cancelled = await transition(id, ["queued", "running", "paused", "failed"], "cancelled", { tx });
  if (!cancelled) throw new BackfillError("conflict", `Backfill ${id} has already ended (${backfill.status})`);
  return cancelled;
}
