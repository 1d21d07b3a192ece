/**
 * One page of a backfill: search the next contacts after the cursor, fetch what the scope
 * asks for, then ingest one event per contact AND move the cursor in one transaction. A
 * crash before the commit redoes the page; after it, the next page starts at the cursor.
 * Dedupe keys `backfill:<id>:<contactId>` make a redone page harmless either way.
 */
import { FatalError } from "@/lib/connectors/errors";
import { db } from "@/lib/db/client";
import { createIdMapPort } from "@/lib/db/id-map";
import type { OperationContext } from "@/lib/connectors/define";
import { runtimeForConnection } from "../connector-runtime";
import { ingestWithin } from "../ingest";
import { contactWithRelated, searchPage, type Cursor, type GhlContact } from "./fetch-contacts";
import { backfillScope, eventKeyPrefix, type BackfillScope } from "./scope";
import { checkpoint, type Backfill } from "./store";

/** Contacts fetched at once: enough to keep the rate governor's every slot in use. */
const CONCURRENCY = 6;

export type PageOutcome = { kind: "more" } | { kind: "finished" } | { kind: "stopped"; reason: "paused" | "superseded" };

type Fetched = { contact: GhlContact; payload?: Record<string, unknown> };

async function mapPool<T, R>(items: T[], size: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(size, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]);
    }
  });
  await Promise.all(lanes);
  return results;
}

/** A contact gone between search and fetch (404) is counted as failed; anything else stops the page. */
async function fetchOne(ctx: OperationContext, contact: GhlContact, scope: BackfillScope): Promise<Fetched> {
  try {
    return { contact, payload: await contactWithRelated(ctx, contact, scope) };
  } catch (error) {
    if (error instanceof FatalError) return { contact };
    throw error;
  }
}

export async function processPage(backfill: Backfill, workflow: { id: string; triggerKey: string }): Promise<PageOutcome> {
  const scope = backfillScope.parse(backfill.scope);
  const runtime = await runtimeForConnection(backfill.connectionId);
  const ctx: OperationContext = { http: runtime.http, connection: runtime.connection, idMap: createIdMapPort(), idempotencyKey: `backfill:${backfill.id}` };
  const from = (backfill.cursor as Cursor | null) ?? null;
  const remaining = scope.limit === undefined ? Infinity : scope.limit - backfill.done - backfill.failed;
  const pageLimit = Math.max(1, Math.min(scope.pageSize, remaining));
  const page = remaining <= 0 ? { contacts: [], total: null } : await searchPage(ctx, scope, from, pageLimit);
  const contacts = page.contacts.filter((c) => typeof c.id === "string" && c.id);
  const fetched = await mapPool(contacts, CONCURRENCY, (contact) => fetchOne(ctx, contact, scope));

  const last = page.contacts.at(-1);
  const cursor = last ? (last.searchAfter ?? null) : null;
  if (last && !cursor) throw new FatalError("GHL's contact search returned no searchAfter cursor; the backfill cannot page on");
  const finished = page.contacts.length < pageLimit || remaining - page.contacts.length <= 0;
  const total = page.total === null ? null : Math.min(page.total, scope.limit ?? Infinity);
  const prefix = eventKeyPrefix(backfill.id);

  const status = await db().$transaction(
    async (tx) => {
      for (const { contact, payload } of fetched) {
        if (!payload) continue;
        const name = typeof contact.name === "string" ? contact.name : [contact.firstName, contact.lastName].filter((p) => typeof p === "string" && p).join(" ");
        await ingestWithin(tx, {
          source: "ghl",
          delivery: "backfill",
          dedupeKey: `${prefix}${contact.id}`,
          eventType: workflow.triggerKey,
          accountId: typeof contact.locationId === "string" ? contact.locationId : runtime.connection.accountId,
          payload: { ...payload, _bloombridge: { workflowId: workflow.id, backfillId: backfill.id } },
          subject: { id: String(contact.id), email: typeof contact.email === "string" ? contact.email : undefined, name: name || undefined },
        });
      }
      const ok = fetched.filter((f) => f.payload).length;
      const saved = await checkpoint(tx, backfill.id, from, { cursor, done: ok, failed: fetched.length - ok + (page.contacts.length - contacts.length), total, finished });
      // Superseded: roll the page's events back; whoever moved the cursor ingested them.
      if (!saved) throw new Superseded();
      return saved;
    },
    { timeout: 60_000, maxWait: 10_000 },
  ).catch((error: unknown) => {
    if (error instanceof Superseded) return null;
    throw error;
  });
  if (!status) return { kind: "stopped", reason: "superseded" };
  if (status === "succeeded") return { kind: "finished" };
  if (status === "paused") return { kind: "stopped", reason: "paused" };
  return { kind: "more" };
}

class Superseded extends Error {}
