import type { z } from "zod";
import { defineTrigger, type TriggerDefinition, type TriggerEvent } from "../../define";

type Routing = { locationId?: string | null; webhookId?: string | null };
type Described = Pick<TriggerEvent, "subject" | "accountId"> & { dedupeKey?: string };

type Options<P extends z.ZodType<Routing>> = {
  key: string;
  /** An entry of the generated `ghlWebhookEvents`. */
  event: { type: string; payload: P; sample: z.input<P> };
  resource: string;
  label: string;
  description: string;
  scopes: readonly string[];
  subject: (payload: z.output<P>) => NonNullable<TriggerEvent["subject"]>;
};

const clean = (subject: NonNullable<TriggerEvent["subject"]>) =>
  Object.fromEntries(Object.entries(subject).filter(([, value]) => typeof value === "string" && value !== ""));

/** A trigger fed by one signed GHL webhook event; payload and sample come from the generated spec. */
export function ghlWebhookTrigger<P extends z.ZodType<Routing>>(options: Options<P>): TriggerDefinition<P> {
  return defineTrigger({
    key: options.key,
    connector: "ghl",
    resource: options.resource,
    label: options.label,
    description: options.description,
    delivery: "webhook",
    eventTypes: [options.event.type],
    scopes: options.scopes,
    payload: options.event.payload,
    sample: options.event.sample,
    describe(payload): Described {
      return {
        subject: clean(options.subject(payload)),
        accountId: payload.locationId ?? null,
        dedupeKey: payload.webhookId ?? undefined,
      };
    },
  });
}
