/**
 * Polling triggers, the safety net for lost webhooks: one poller per (trigger, connection)
 * across all workers, cursor + seen-set persisted in trigger_states. Events go through the
 * same ingest as webhooks, whose (source, dedupe key) uniqueness makes a re-emitted change
 * after a crash between ingest and saving the state harmless.
 */
import type { PollState, TriggerDefinition } from "@/lib/connectors/define";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { runtimeForConnection } from "./connector-runtime";
import { ingestEvent } from "./ingest";

export type PollOutcome = { skipped: boolean; emitted: number; duplicates: number };

export function pollStateKey(triggerKey: string, connectionId: string): string {
  return `${triggerKey}:${connectionId}`;
}

export async function pollTrigger(trigger: TriggerDefinition, connectionId: string, now = new Date()): Promise<PollOutcome> {
  const poll = trigger.poll;
  if (!poll) throw new Error(`${trigger.key} is not a polling trigger`);
  const key = pollStateKey(trigger.key, connectionId);
  const runtime = await runtimeForConnection(connectionId);
  return db().$transaction(
    async (tx) => {
      const [{ locked }] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(hashtext(${`poll:${key}`})) AS locked`;
      if (!locked) return { skipped: true, emitted: 0, duplicates: 0 };
      const row = await tx.triggerState.findUnique({ where: { key } });
      const state: PollState = { cursor: row?.cursor ?? null, seen: Array.isArray(row?.seen) ? (row.seen as string[]) : [] };
      let result: Awaited<ReturnType<typeof poll>>;
      try {
        result = await poll({ http: runtime.http, connection: runtime.connection, state, now });
      } catch (error) {
        await tx.triggerState.upsert({
          where: { key },
          create: { key, cursor: state.cursor, seen: state.seen, lastPolledAt: now, lastError: (error as Error).message },
          update: { lastPolledAt: now, lastError: (error as Error).message },
        });
        throw error;
      }
      let emitted = 0;
      let duplicates = 0;
      for (const event of result.events) {
        const ingested = await ingestEvent({
          source: trigger.connector,
          delivery: "polling",
          dedupeKey: event.dedupeKey,
          eventType: trigger.key,
          accountId: event.accountId ?? runtime.connection.accountId,
          payload: event.payload,
          subject: event.subject,
        });
        if (ingested.duplicate) duplicates++;
        else emitted++;
      }
      const seen = result.state.seen as unknown as Prisma.InputJsonValue;
      await tx.triggerState.upsert({
        where: { key },
        create: { key, cursor: result.state.cursor, seen, lastPolledAt: now, lastError: null },
        update: { cursor: result.state.cursor, seen, lastPolledAt: now, lastError: null },
      });
      return { skipped: false, emitted, duplicates };
    },
    // Holds the lock for the whole poll (a few HTTP pages), longer than Prisma's 5 s default.
    { timeout: 120_000, maxWait: 10_000 },
  );
}

/** Every (polling trigger, connection) used by an enabled, published workflow. */
export async function pollAll(now = new Date(), lookup: (key: string) => TriggerDefinition | undefined): Promise<PollOutcome[]> {
  const versions = await db().workflowVersion.findMany({
    where: { publishedFor: { enabled: true } },
    select: { triggerKey: true, graph: true },
  });
  const targets = new Map<string, { trigger: TriggerDefinition; connectionId: string }>();
  for (const version of versions) {
    const trigger = lookup(version.triggerKey);
    if (!trigger?.poll) continue;
    const node = (version.graph as { nodes?: { kind?: string; connectionId?: string }[] }).nodes?.find((n) => n.kind === "trigger");
    if (node?.connectionId) targets.set(pollStateKey(trigger.key, node.connectionId), { trigger, connectionId: node.connectionId });
  }
  const outcomes: PollOutcome[] = [];
  for (const { trigger, connectionId } of targets.values()) {
    try {
      outcomes.push(await pollTrigger(trigger, connectionId, now));
    } catch {
      // Recorded in trigger_states.last_error; one failing connection must not stop the others.
    }
  }
  return outcomes;
}
