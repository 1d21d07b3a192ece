/**
 * "Test trigger": the most realistic sample we can find for the mapper, in this order:
 * a recent real event for this trigger, a record fetched by the trigger's poller, the
 * trigger's documented example.
 */
import type { TriggerDefinition } from "@/lib/connectors/define";
import { FatalError } from "@/lib/connectors/errors";
import { getTrigger } from "@/lib/connectors/registry";
import { getConnection } from "@/lib/db/connections";
import { recentEvents, type SampleSource } from "@/lib/db/workflow-samples";
import type { TriggerNode } from "../graph";
import { runtimeForConnection } from "../connector-runtime";

export type TriggerSample = { sample: unknown; source: Exclude<SampleSource, "test">; message: string };

const POLL_LOOKBACK_MS = 30 * 24 * 3600_000;

async function fromEvents(trigger: TriggerDefinition, accountId: string | null): Promise<unknown | undefined> {
  const events = await recentEvents({ source: trigger.connector, eventTypes: [trigger.key, ...(trigger.eventTypes ?? [])], accountId });
  for (const event of events) {
    if (trigger.payload.safeParse(event.payload).success) return event.payload;
  }
  return undefined;
}

async function fromPoll(trigger: TriggerDefinition, connectionId: string): Promise<unknown | undefined> {
  if (!trigger.poll) return undefined;
  const runtime = await runtimeForConnection(connectionId);
  const now = new Date();
  // A throwaway cursor a month back: reads recent records without touching the live poller's state.
  const result = await trigger.poll({ http: runtime.http, connection: runtime.connection, state: { cursor: new Date(now.getTime() - POLL_LOOKBACK_MS).toISOString(), seen: [] }, now });
  const newest = [...result.events].sort((a, b) => Date.parse(b.occurredAt) - Date.parse(a.occurredAt))[0];
  return newest?.payload;
}

export async function sampleForTrigger(node: TriggerNode): Promise<TriggerSample> {
  const trigger = getTrigger(node.triggerKey);
  if (!trigger) throw new FatalError(`Unknown trigger "${node.triggerKey}"; pick a trigger from the palette`);
  const connection = node.connectionId ? await getConnection(node.connectionId) : null;
  if (node.connectionId && !connection) throw new FatalError("The trigger's connection no longer exists; pick another one");

  const event = await fromEvents(trigger, connection?.accountId ?? null);
  if (event !== undefined) return { sample: event, source: "event", message: `The latest “${trigger.label}” event received` };
  if (connection && connection.status === "active") {
    const polled = await fromPoll(trigger, connection.id);
    if (polled !== undefined) return { sample: polled, source: "poll", message: `The newest record fetched from ${connection.label}` };
  }
  const where = connection ? ` on ${connection.label}` : "";
  return {
    sample: trigger.payload.parse(trigger.sample),
    source: "example",
    message: `No “${trigger.label}” event has arrived${where} yet, so this is example data. Make the change in the app, then test again to use a real event.`,
  };
}
