/**
 * Each Details Flowers trigger exists twice with one payload: by signed webhook, and by
 * polling the change feed (for accounts without webhooks, and as a safety net).
 */
import type { z } from "zod";
import { defineTrigger, type TriggerDefinition } from "../../define";
import type { Change, ResourceType } from "../generated/schemas";
import { pollChanges, type ChangeMapper } from "./change-feed";

type Envelope = { id: string; type: string; occurredAt: string; data: Record<string, unknown> };

type Spec<P extends z.ZodType> = {
  key: string;
  resource: ResourceType;
  label: string;
  description: string;
  eventTypes: readonly string[];
  payload: P;
  sample: z.input<P>;
  /** Polling: the envelope for a change, or null when the change is not this trigger's. */
  fromChange: ChangeMapper<z.output<P>>;
};

const subjectOf = (data: Record<string, unknown>) => {
  const str = (v: unknown) => (typeof v === "string" && v ? v : undefined);
  return { id: str(data.clientId) ?? str(data.id), email: str(data.email), name: str(data.fullName) };
};

export function envelopeFromChange(change: Change, type: string): Envelope {
  return { id: `change-${change.seq}`, type, occurredAt: change.occurredAt, data: (change.record ?? { id: change.id }) as Record<string, unknown> };
}

export function dfTriggerPair<P extends z.ZodType>(spec: Spec<P>): [TriggerDefinition<P>, TriggerDefinition<P>] {
  const common = { connector: "details-flowers" as const, resource: spec.resource, payload: spec.payload, sample: spec.sample, scopes: ["read"] as const };
  const webhook = defineTrigger({
    ...common,
    key: spec.key,
    label: spec.label,
    description: `${spec.description} Arrives by signed webhook.`,
    delivery: "webhook",
    eventTypes: spec.eventTypes,
    describe: (payload) => {
      const envelope = payload as unknown as Envelope;
      return { subject: subjectOf(envelope.data ?? {}), accountId: null, dedupeKey: envelope.id };
    },
  });
  const polling = defineTrigger({
    ...common,
    key: `${spec.key}.poll`,
    label: `${spec.label} (polling)`,
    description: `${spec.description} Found by polling the change feed every minute.`,
    delivery: "polling",
    poll: (ctx) => pollChanges(ctx, [spec.resource], spec.fromChange),
  });
  return [webhook, polling];
}

/** A mapper for plain created/updated/deleted triggers. */
export function onActions<P>(resource: ResourceType, actions: readonly Change["action"][], prefix: string): ChangeMapper<P> {
  return (change) => {
    if (change.type !== resource || !actions.includes(change.action)) return null;
    const envelope = envelopeFromChange(change, `${prefix}.${change.action}`);
    return { dedupeKey: envelope.id, occurredAt: change.occurredAt, payload: envelope as P, subject: subjectOf(envelope.data) };
  };
}
