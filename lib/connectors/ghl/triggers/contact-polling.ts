/**
 * Polling triggers over POST /contacts/search, for setups without webhooks (e.g. a Private
 * Integration Token). Cursor = the newest timestamp emitted; `seen` holds `id|timestamp` keys.
 *
 * The search index lags writes by a few seconds, so each poll re-reads from `cursor − LOOKBACK`
 * (inclusive); the seen-set drops what was already emitted. That makes ties on the cursor, late
 * index arrivals and re-reading after a restart all safe. Seen keys older than the lookback
 * window can never be returned again and are pruned, which keeps the set small.
 */
import { defineTrigger, type PollContext, type PollState, type TriggerEvent } from "../../define";
import { FatalError } from "../../errors";
import { GHL_API_VERSION } from "../client";
import { SearchContactSchema, SearchContactsSuccessfulResponseDto, type SearchBodyV2DTO } from "../generated/schemas";
import { exampleContact } from "../operations/examples";

const LOOKBACK_MS = 10_000;
const PAGE_LIMIT = 100;
const MAX_PAGES_PER_POLL = 10;
const MAX_SEEN = 2_000;

type Field = "dateAdded" | "dateUpdated";
type Contact = SearchContactSchema;

const timeOf = (key: string) => Date.parse(key.slice(key.lastIndexOf("|") + 1));

async function fetchPage(ctx: PollContext, body: SearchBodyV2DTO) {
  const res = await ctx.http.request({ method: "POST", path: "/contacts/search", body, headers: { Version: GHL_API_VERSION } });
  return SearchContactsSuccessfulResponseDto.parse(res.body ?? {}).contacts ?? [];
}

/** One poll: every contact whose `field` is at or after the cursor (minus lookback), oldest first. */
export async function pollContacts(ctx: PollContext, field: Field, triggerKey: string): Promise<{ events: TriggerEvent<Contact>[]; state: PollState }> {
  const locationId = ctx.connection.accountId;
  if (!locationId) throw new FatalError("Polling GHL contacts needs a connection bound to a location");
  // First run: start from now rather than replaying the whole history.
  if (!ctx.state.cursor) return { events: [], state: { cursor: ctx.now.toISOString(), seen: [] } };

  let newest = Date.parse(ctx.state.cursor);
  const since = new Date(newest - LOOKBACK_MS).toISOString();
  const seen = new Set(ctx.state.seen);
  const events: TriggerEvent<Contact>[] = [];

  for (let page = 1; page <= MAX_PAGES_PER_POLL; page++) {
    const contacts = await fetchPage(ctx, {
      locationId,
      page,
      pageLimit: PAGE_LIMIT,
      filters: [{ field, operator: "range", value: { gte: since } }],
      sort: [{ field, direction: "asc" }],
    });
    for (const contact of contacts) {
      const at = contact[field];
      if (!contact.id || !at || Number.isNaN(Date.parse(at))) continue;
      const seenKey = `${contact.id}|${at}`;
      if (seen.has(seenKey)) continue;
      seen.add(seenKey);
      newest = Math.max(newest, Date.parse(at));
      const name = contact.name ?? ([contact.firstName, contact.lastName].filter(Boolean).join(" ") || undefined);
      events.push({
        dedupeKey: `${triggerKey}:${seenKey}`,
        accountId: contact.locationId ?? locationId,
        occurredAt: at,
        payload: contact,
        subject: { id: contact.id, email: contact.email ?? undefined, name },
      });
    }
    if (contacts.length < PAGE_LIMIT) break;
  }

  const keep = [...seen]
    .filter((key) => timeOf(key) >= newest - LOOKBACK_MS)
    .sort((a, b) => timeOf(a) - timeOf(b))
    .slice(-MAX_SEEN);
  return { events, state: { cursor: new Date(newest).toISOString(), seen: keep } };
}

export const contactCreatedPoll = defineTrigger({
  key: "ghl.contact.created.poll",
  connector: "ghl",
  resource: "contact",
  label: "Contact created (polling)",
  description: "Checks GHL for new contacts every few minutes. Use it when webhooks are not available; the webhook trigger is faster.",
  delivery: "polling",
  scopes: ["contacts.readonly"],
  payload: SearchContactSchema,
  sample: exampleContact,
  poll: (ctx) => pollContacts(ctx, "dateAdded", "ghl.contact.created.poll"),
});

export const contactUpdatedPoll = defineTrigger({
  key: "ghl.contact.updated.poll",
  connector: "ghl",
  resource: "contact",
  label: "Contact created or updated (polling)",
  description: "Checks GHL for contacts added or changed since the last check. Use it when webhooks are not available.",
  delivery: "polling",
  scopes: ["contacts.readonly"],
  payload: SearchContactSchema,
  sample: exampleContact,
  poll: (ctx) => pollContacts(ctx, "dateUpdated", "ghl.contact.updated.poll"),
});
