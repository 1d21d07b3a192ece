/** Tasks, notes and appointments: created under a client, listed top-level, soft-deleted. */
import { invalid } from "../http-util";
import type { DfStore } from "../store";
import type { Appointment, Note, Task } from "../types";
import { assignFields, checkEventOfClient, commit, filterBy, live, mergeExternalIds, paginate, softDelete, type Handler, type Json } from "./common";

type ChildType = "task" | "note" | "appointment";
type Child = Task | Note | Appointment;

const DEFAULTS: Record<ChildType, Json> = {
  task: { eventId: null, body: null, dueAt: null, completed: false, completedAt: null, assigneeEmail: null },
  note: { eventId: null, authorEmail: null, pinned: false },
  appointment: { eventId: null, location: null, status: "scheduled", notes: null },
};

/** Type-specific rules applied after the fields are assigned. */
function settle(type: ChildType, before: Child | null, next: Json, body: Json): string[] {
  const webhookTypes = [`${type}.${before ? "updated" : "created"}`];
  if (type === "task") {
    const wasDone = before ? (before as Task).completed : false;
    if (next.completed && !wasDone) {
      next.completedAt = new Date().toISOString();
      if (before) webhookTypes.push("task.completed");
    }
    if (!next.completed) next.completedAt = null;
  }
  if (type === "appointment" && Date.parse(String(next.endsAt)) <= Date.parse(String(next.startsAt))) {
    throw invalid(body.endsAt !== undefined ? "endsAt" : "startsAt", "endsAt must be after startsAt");
  }
  for (const k of ["assigneeEmail", "authorEmail"]) if (typeof next[k] === "string") next[k] = String(next[k]).toLowerCase();
  return webhookTypes;
}

function create(store: DfStore, type: ChildType, clientId: string, body: Json): Child {
  live(store, "client", clientId);
  checkEventOfClient(store, clientId, body.eventId);
  const next: Json = { id: store.nextId(type), clientId, ...DEFAULTS[type], createdAt: "", updatedAt: "", deletedAt: null };
  assignFields(next, body, ["externalIds"]);
  next.externalIds = mergeExternalIds(store, type, null, {}, body.externalIds);
  const webhookTypes = settle(type, null, next, body);
  return commit(store, type, null, next as Child, { webhookTypes });
}

function update(store: DfStore, type: ChildType, id: string, body: Json): Child {
  const before = live(store, type, id) as Child;
  checkEventOfClient(store, before.clientId, body.eventId);
  const next = structuredClone(before) as unknown as Json;
  assignFields(next, body, ["externalIds"]);
  next.externalIds = mergeExternalIds(store, type, id, before.externalIds, body.externalIds);
  const webhookTypes = settle(type, before, next, body);
  return commit(store, type, before, next as Child, { webhookTypes });
}

const FILTERS: Record<ChildType, string[]> = {
  task: ["clientId", "eventId", "completed"],
  note: ["clientId", "eventId", "pinned"],
  appointment: ["clientId", "eventId", "status"],
};

export function childHandlers(type: ChildType) {
  const list: Handler = ({ store, query }) => {
    let rows = filterBy(Object.values(store.state.records[type]) as Child[], query, FILTERS[type]);
    if (type === "appointment") {
      const from = typeof query.from === "string" ? Date.parse(query.from) : -Infinity;
      const to = typeof query.to === "string" ? Date.parse(query.to) : Infinity;
      rows = rows.filter((a) => Date.parse((a as Appointment).endsAt) >= from && Date.parse((a as Appointment).startsAt) < to);
    }
    return { status: 200, body: paginate(rows, query) };
  };
  const get: Handler = ({ store, params }) => ({ status: 200, body: live(store, type, params.id) });
  const post: Handler = ({ store, params, body }) => ({ status: 201, body: create(store, type, params.id, body!) });
  const patch: Handler = ({ store, params, body }) => ({ status: 200, body: update(store, type, params.id, body!) });
  const remove: Handler = ({ store, params }) => {
    softDelete(store, type, params.id);
    return { status: 204 };
  };
  return { list, get, post, patch, remove };
}

export const completeTask: Handler = ({ store, params, body }) => {
  const before = live(store, "task", params.id);
  if (before.completed) return { status: 200, body: before };
  const next: Task = { ...structuredClone(before), completed: true, completedAt: (body?.completedAt as string | undefined) ?? new Date().toISOString() };
  return { status: 200, body: commit(store, "task", before, next, { webhookTypes: ["task.updated", "task.completed"] }) };
};
