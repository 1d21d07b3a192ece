/** Event operations (events are cancelled by status, never deleted). */
import type { DfEvent } from "../types";
import { commit, filterBy, live, mergeExternalIds, paginate, type Handler, type Json } from "./common";
import type { DfStore } from "../store";

export function newEvent(store: DfStore, clientId: string, input: Json): DfEvent {
  return {
    id: store.nextId("event"), clientId, name: String(input.name), type: input.type as DfEvent["type"], date: String(input.date),
    venue: (input.venue as string | null | undefined) ?? null, status: (input.status as DfEvent["status"] | undefined) ?? "inquiry",
    externalIds: mergeExternalIds(store, "event", null, {}, input.externalIds), createdAt: "", updatedAt: "",
  };
}

export const listEvents: Handler = ({ store, query }) =>
  ({ status: 200, body: paginate(filterBy(Object.values(store.state.records.event), query, ["clientId", "status"]), query) });

export const getEvent: Handler = ({ store, params }) => ({ status: 200, body: live(store, "event", params.id) });

export const createEvent: Handler = ({ store, params, body }) => {
  live(store, "client", params.id);
  return { status: 201, body: commit(store, "event", null, newEvent(store, params.id, body!)) };
};

export const updateEvent: Handler = ({ store, params, body }) => {
  const event = live(store, "event", params.id);
  const next = { ...structuredClone(event), ...body, externalIds: mergeExternalIds(store, "event", event.id, event.externalIds, body!.externalIds) } as DfEvent;
  return { status: 200, body: commit(store, "event", event, next) };
};
