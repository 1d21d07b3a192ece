/** Client field normalization and the ordered, race-safe match used by upsert and client-events. */
import { isPossiblePhoneNumber } from "libphonenumber-js";
import { HttpError, invalid } from "../http-util";
import type { DfStore } from "../store";
import type { Address, Client } from "../types";
import { commit, mergeExternalIds, type Json } from "./common";

export type MatchKey = "id" | "externalIds.ghl" | "email" | "phone";
const EMPTY_ADDRESS: Address = { line1: null, line2: null, city: null, region: null, postalCode: null, country: null };

const byAge = (a: Client, b: Client) => (a.createdAt === b.createdAt ? (a.id < b.id ? -1 : 1) : a.createdAt < b.createdAt ? -1 : 1);
const liveClients = (store: DfStore) => Object.values(store.state.records.client).filter((c) => !c.deletedAt).sort(byAge);

/** First match key whose value is present and finds a live client; names are never consulted. */
export function findMatch(store: DfStore, match: MatchKey[], input: Json): { client: Client; on: MatchKey } | null {
  const clients = liveClients(store);
  for (const key of match) {
    let hit: Client | undefined;
    if (key === "id" && typeof input.id === "string") hit = clients.find((c) => c.id === input.id);
    if (key === "externalIds.ghl") {
      const ghl = (input.externalIds as Record<string, string | null> | undefined)?.ghl;
      if (typeof ghl === "string") hit = clients.find((c) => c.externalIds.ghl === ghl);
    }
    if (key === "email" && typeof input.email === "string") hit = clients.find((c) => c.email === input.email!.toString().trim().toLowerCase());
    if (key === "phone" && typeof input.phone === "string") hit = clients.find((c) => c.phone === input.phone);
    if (hit) return { client: hit, on: key };
  }
  return null;
}

/** Applies the writable fields present in `input` onto a copy of `base`. */
export function applyClientInput(store: DfStore, base: Client, input: Json, prefix = ""): Client {
  const next = structuredClone(base);
  for (const key of ["fullName", "firstName", "lastName", "company", "tags"] as const) {
    if (input[key] !== undefined) (next as unknown as Json)[key] = input[key];
  }
  if (input.email !== undefined) next.email = input.email === null ? null : String(input.email).trim().toLowerCase();
  if (input.phone !== undefined) {
    if (input.phone !== null && !isPossiblePhoneNumber(String(input.phone))) throw invalid(`${prefix}phone`, "is not a possible phone number");
    next.phone = input.phone as string | null;
  }
  if (input.address !== undefined) {
    next.address = input.address === null ? null : { ...EMPTY_ADDRESS, ...(next.address ?? {}), ...(input.address as Partial<Address>) };
  }
  if (input.fullName === undefined && (input.firstName !== undefined || input.lastName !== undefined || !next.fullName)) {
    const derived = [next.firstName, next.lastName].filter(Boolean).join(" ") || next.fullName || next.email || next.phone;
    if (!derived) throw invalid(`${prefix}fullName`, "is required when the client has no firstName, lastName, email or phone");
    next.fullName = derived;
  }
  next.externalIds = mergeExternalIds(store, "client", base.id, base.externalIds, input.externalIds, `${prefix}externalIds`);
  return next;
}

export function blankClient(store: DfStore): Client {
  return {
    id: store.nextId("client"), fullName: "", firstName: null, lastName: null, email: null, phone: null, company: null,
    address: null, tags: [], externalIds: {}, createdAt: "", updatedAt: "", deletedAt: null,
  };
}

/**
 * Match-then-write with no await in between: Node runs this to completion, so concurrent upserts
 * of one contact cannot both miss and both create.
 */
export function upsertClient(store: DfStore, match: MatchKey[], input: Json, prefix = "client.") {
  const found = findMatch(store, match, input);
  if (found) {
    for (const [key, value] of Object.entries((input.externalIds ?? {}) as Record<string, string | null>)) {
      const existing = found.client.externalIds[key];
      if (typeof value === "string" && existing && existing !== value) {
        throw new HttpError("conflict", `Client ${found.client.id} matched on ${found.on} is already linked to externalIds.${key} ${existing}`, [
          { field: `${prefix}externalIds.${key}`, message: `matched client has ${existing}` },
        ]);
      }
    }
    const client = commit(store, "client", found.client, applyClientInput(store, found.client, input, prefix));
    return { client, created: false, matchedOn: found.on };
  }
  const client = commit(store, "client", null, applyClientInput(store, blankClient(store), input, prefix));
  return { client, created: true, matchedOn: null };
}
