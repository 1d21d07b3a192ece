/** What a backfill covers, and which workflows it can feed. */
import { z } from "zod";

export const backfillScope = z
  .object({
    since: z.iso
      .datetime({ offset: true })
      .or(z.iso.date())
      .optional()
      .describe("Only contacts added on or after this date (ISO date or date-time); all contacts when left out"),
    includeTasks: z.boolean().default(true).describe("Fetch each contact's tasks into the event as `tasks`"),
    includeNotes: z.boolean().default(true).describe("Fetch each contact's notes into the event as `notes`"),
    includeAppointments: z.boolean().default(false).describe("Fetch each contact's appointments into the event as `appointments`"),
    limit: z.number().int().min(1).max(1_000_000).optional().describe("Stop after this many contacts"),
    pageSize: z.number().int().min(1).max(500).default(100).describe("Contacts per page; progress is saved after each page"),
  })
  .strict();

export type BackfillScope = z.output<typeof backfillScope>;

/** Triggers whose payload is a GHL contact: a backfill replays contacts into them. */
export const BACKFILL_TRIGGER_KEYS = ["ghl.contact.created", "ghl.contact.updated", "ghl.contact.created.poll", "ghl.contact.updated.poll"] as const;

export function canBackfill(triggerKey: string): boolean {
  return (BACKFILL_TRIGGER_KEYS as readonly string[]).includes(triggerKey);
}

/** Prefix of every trigger event a backfill ingests; `<prefix><contactId>` is its dedupe key. */
export const eventKeyPrefix = (backfillId: string) => `backfill:${backfillId}:`;
