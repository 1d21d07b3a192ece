/** Shared handler plumbing: context, lookups, externalIds, commits and pagination. */
import type { DfSandboxOptions } from "../config";
import { HttpError, invalid, notFound, stableStringify } from "../http-util";
import type { DfStore } from "../store";
import type { AnyRecord, Collections, ResourceType } from "../types";

export type Json = Record<string, unknown>;
export type Ctx = {
  store: DfStore;
  options: DfSandboxOptions;
  params: Record<string, string>;
  query: Json;
  body: Json | undefined;
};
export type Result = { status: number; body?: unknown };
export type Handler = (ctx: Ctx) => Result;

export const nowIso = () => new Date().toISOString();

export function live<T extends ResourceType>(store: DfStore, type: T, id: string): Collections[T][string] {
  const record = store.state.records[type][id] as Collections[T][string] | undefined;
  if (!record || ("deletedAt" in record && record.deletedAt)) throw notFound(type, id);
  return record;
}

const isLive = (r: AnyRecord) => !("deletedAt" in r && r.deletedAt);

/** Merges externalIds (null removes a key); each value must be unique per resource type. */
export function mergeExternalIds(store: DfStore, type: ResourceType, selfId: string | null, current: Record<string, string>, input: unknown, field = "externalIds") {
  if (input === undefined) return current;
  const next = { ...current };
  for (const [key, value] of Object.entries(input as Record<string, string | null>)) {
    if (value === null) {
      delete next[key];
      continue;
    }
    const owner = Object.values(store.state.records[type]).find((r) => r.id !== selfId && isLive(r) && r.externalIds[key] === value);
    if (owner) throw new HttpError("conflict", `externalIds.${key} ${value} already belongs to ${type} ${owner.id}`, [{ field: `${field}.${key}`, message: `already used by ${owner.id}` }]);
    next[key] = value;
  }
  return next;
}

/** Checks that an event exists and belongs to the client. */
export function checkEventOfClient(store: DfStore, clientId: string, eventId: unknown, field = "eventId") {
  if (eventId === undefined || eventId === null) return;
  const event = store.state.records.event[String(eventId)];
  if (!event || event.clientId !== clientId) throw invalid(field, "must be an event of the same client");
}

const withoutStamp = (r: AnyRecord) => stableStringify({ ...r, updatedAt: null });

/**
 * Stores a created or changed record and records the change. A write that changes nothing keeps
 * updatedAt and emits nothing, so two systems syncing each other settle instead of echoing forever.
 */
export function commit<T extends AnyRecord>(store: DfStore, type: ResourceType, before: T | null, after: T, extra: { webhookTypes?: string[]; previousStatus?: string } = {}): T {
  const collection = store.state.records[type] as Record<string, AnyRecord>;
  if (before && withoutStamp(before) === withoutStamp(after)) return before;
  const now = nowIso();
  after.updatedAt = now;
  if (!before) after.createdAt = now;
  collection[after.id] = after;
  store.record(type, before ? "updated" : "created", after, extra);
  return after;
}

export function softDelete(store: DfStore, type: "client" | "task" | "note" | "appointment", id: string) {
  const record = live(store, type, id);
  const now = nowIso();
  record.deletedAt = now;
  record.updatedAt = now;
  store.record(type, "deleted", record);
}

/** Applies plain fields present in the body; externalIds and eventId are handled by callers. */
export function assignFields(target: Json, body: Json, skip: string[] = []) {
  for (const [k, v] of Object.entries(body)) if (!skip.includes(k)) target[k] = v;
}

const encodeCursor = (r: AnyRecord) => Buffer.from(JSON.stringify([r.updatedAt, r.id])).toString("base64url");
function decodeCursor(cursor: string): [string, string] {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown;
    if (Array.isArray(parsed) && parsed.length === 2 && parsed.every((x) => typeof x === "string")) return parsed as [string, string];
  } catch { /* falls through to the 422 below */ }
  throw invalid("query.cursor", "is not a cursor this API issued");
}

/** Orders by (updatedAt, id) so records changed mid-sync move to the end instead of being skipped. */
export function paginate<T extends AnyRecord>(items: T[], query: Json): { data: T[]; nextCursor: string | null } {
  const since = typeof query.updatedSince === "string" ? Date.parse(query.updatedSince) : null;
  let rows = items
    .filter((r) => (query.includeDeleted === true ? true : isLive(r)))
    .filter((r) => since === null || Date.parse(r.updatedAt) >= since)
    .sort((a, b) => (a.updatedAt === b.updatedAt ? (a.id < b.id ? -1 : 1) : a.updatedAt < b.updatedAt ? -1 : 1));
  if (typeof query.cursor === "string") {
    const [u, id] = decodeCursor(query.cursor);
    rows = rows.filter((r) => r.updatedAt > u || (r.updatedAt === u && r.id > id));
  }
  const limit = typeof query.limit === "number" ? query.limit : 50;
  const data = rows.slice(0, limit);
  return { data, nextCursor: rows.length > limit ? encodeCursor(data[data.length - 1]) : null };
}

/** Equality filters for the list query params that mirror a record field. */
export function filterBy<T extends AnyRecord>(items: T[], query: Json, fields: string[]): T[] {
  return items.filter((r) => fields.every((f) => query[f] === undefined || (r as unknown as Json)[f] === query[f]));
}
