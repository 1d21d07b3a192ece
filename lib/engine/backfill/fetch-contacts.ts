/**
 * Reads GHL for a backfill through the connector's own operations (so the connection's rate
 * governor paces every call): one search page, then each contact's tasks, notes and
 * appointments as the scope asks.
 */
import type { OperationContext } from "@/lib/connectors/define";
import { RateLimitedError, RetryableError } from "@/lib/connectors/errors";
import { listContactAppointments } from "@/lib/connectors/ghl/operations/list-contact-appointments";
import { listNotes } from "@/lib/connectors/ghl/operations/list-notes";
import { listTasks } from "@/lib/connectors/ghl/operations/list-tasks";
import { searchContacts } from "@/lib/connectors/ghl/operations/search-contacts";
import type { BackfillScope } from "./scope";

export type Cursor = (string | number)[];
export type GhlContact = Record<string, unknown> & { id?: string | null; searchAfter?: Cursor | null };
export type ContactPage = { contacts: GhlContact[]; total: number | null };

const MAX_ATTEMPTS = 4;
// Rate-limit waits are pacing, not failures; this only bounds a limit that never lifts.
const MAX_RATE_WAITS = 200;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Retries transient failures with backoff and waits out rate limits; other errors go up. */
export async function withRetries<T>(call: () => Promise<T>): Promise<T> {
  let attempts = 0;
  let waits = 0;
  for (;;) {
    try {
      return await call();
    } catch (error) {
      if (error instanceof RateLimitedError && ++waits <= MAX_RATE_WAITS) await sleep(Math.max(50, error.retryAfterMs));
      else if (error instanceof RetryableError && ++attempts < MAX_ATTEMPTS) await sleep(250 * 2 ** attempts);
      else throw error;
    }
  }
}

/** Oldest first, so contacts added while the backfill runs land after the cursor. */
export async function searchPage(ctx: OperationContext, scope: BackfillScope, cursor: Cursor | null, pageLimit: number): Promise<ContactPage> {
  const input = searchContacts.input.parse({
    pageLimit,
    ...(cursor ? { searchAfter: cursor } : { page: 1 }),
    filters: scope.since ? [{ field: "dateAdded", operator: "range", value: { gte: new Date(scope.since).toISOString() } }] : [],
    sort: [{ field: "dateAdded", direction: "asc" }],
  });
  const result = await withRetries(() => searchContacts.run(ctx, input));
  return { contacts: (result.contacts ?? []) as GhlContact[], total: result.total ?? null };
}

/** The event payload: the contact as search returns it, plus the related records asked for. */
export async function contactWithRelated(ctx: OperationContext, contact: GhlContact, scope: BackfillScope): Promise<Record<string, unknown>> {
  const contactId = String(contact.id);
  const { searchAfter: _cursor, ...fields } = contact;
  const payload: Record<string, unknown> = { ...fields };
  if (scope.includeTasks) payload.tasks = (await withRetries(() => listTasks.run(ctx, { contactId }))).tasks ?? [];
  if (scope.includeNotes) payload.notes = (await withRetries(() => listNotes.run(ctx, { contactId }))).notes ?? [];
  if (scope.includeAppointments) payload.appointments = (await withRetries(() => listContactAppointments.run(ctx, { contactId }))).events ?? [];
  return payload;
}
