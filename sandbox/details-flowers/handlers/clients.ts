/** Client operations. */
import type { DfEvent } from "../types";
import { commit, filterBy, live, mergeExternalIds, paginate, softDelete, type Handler, type Json } from "./common";
import { applyClientInput, upsertClient, type MatchKey } from "./client-write";
import { newEvent } from "./events";

export const listClients: Handler = ({ store, query }) => {
  const email = typeof query.email === "string" ? query.email.trim().toLowerCase() : undefined;
  const rows = filterBy(Object.values(store.state.records.client), { ...query, email }, ["email", "phone"]);
  return { status: 200, body: paginate(rows, query) };
};

export const getClient: Handler = ({ store, params }) => ({ status: 200, body: live(store, "client", params.id) });

export const updateClient: Handler = ({ store, params, body }) => {
  const client = live(store, "client", params.id);
  return { status: 200, body: commit(store, "client", client, applyClientInput(store, client, body ?? {})) };
};

export const deleteClient: Handler = ({ store, params }) => {
  live(store, "client", params.id);
  for (const type of ["task", "note", "appointment"] as const) {
    for (const r of Object.values(store.state.records[type])) if (r.clientId === params.id && !r.deletedAt) softDelete(store, type, r.id);
  }
  softDelete(store, "client", params.id);
  return { status: 204 };
};

export const upsertClientOp: Handler = ({ store, body }) => {
  const result = upsertClient(store, body!.match as MatchKey[], body!.client as Json);
  return { status: result.created ? 201 : 200, body: result };
};

export const createClientEvent: Handler = ({ store, body }) => {
  const eventInput = body!.event as Json;
  // Validate the event's externalIds before the client write so a 409 leaves nothing half-done.
  mergeExternalIds(store, "event", null, {}, eventInput.externalIds, "event.externalIds");
  const result = upsertClient(store, body!.match as MatchKey[], body!.client as Json);
  const event: DfEvent = commit(store, "event", null, newEvent(store, result.client.id, eventInput));
  return { status: 201, body: { ...result, event } };
};
