import type { Sandbox } from "./context";
import { ghlId } from "./ids";
import type { AppointmentRecord, ContactRecord, NoteRecord, TaskRecord } from "./types";
import { appointmentPayload, notePayload, taskPayload } from "./webhook-payloads";

type TaskInput = Partial<Pick<TaskRecord, "title" | "body" | "dueDate" | "completed" | "assignedTo">>;
type NoteInput = Partial<Pick<NoteRecord, "body" | "userId" | "title" | "color" | "pinned">>;
export type AppointmentInput = Partial<Omit<AppointmentRecord, "id" | "locationId" | "contactId" | "dateAdded" | "dateUpdated">>;

export function createTask(sb: Sandbox, c: ContactRecord, input: TaskInput): TaskRecord {
  const t: TaskRecord = {
    id: ghlId(),
    contactId: c.id,
    locationId: c.locationId,
    title: input.title ?? "",
    body: input.body ?? "",
    assignedTo: input.assignedTo ?? null,
    dueDate: new Date(input.dueDate ?? Date.now()).toISOString(),
    completed: Boolean(input.completed),
    dateAdded: new Date().toISOString(),
  };
  sb.store.data.tasks[t.id] = t;
  sb.store.markDirty();
  sb.webhooks.emit(taskPayload("TaskCreate", t));
  if (t.completed) sb.webhooks.emit(taskPayload("TaskComplete", t));
  return t;
}

/** GHL has no TaskUpdate event; only a transition to completed is announced. */
export function updateTask(sb: Sandbox, t: TaskRecord, input: TaskInput): TaskRecord {
  const next: TaskRecord = { ...t, ...input, dueDate: input.dueDate ? new Date(input.dueDate).toISOString() : t.dueDate };
  sb.store.data.tasks[t.id] = next;
  sb.store.markDirty();
  if (next.completed && !t.completed) sb.webhooks.emit(taskPayload("TaskComplete", next));
  return next;
}

export function deleteTask(sb: Sandbox, t: TaskRecord) {
  delete sb.store.data.tasks[t.id];
  sb.store.markDirty();
  sb.webhooks.emit(taskPayload("TaskDelete", t));
}

export function createNote(sb: Sandbox, c: ContactRecord, input: NoteInput): NoteRecord {
  const n: NoteRecord = {
    id: ghlId(),
    contactId: c.id,
    locationId: c.locationId,
    body: input.body ?? "",
    userId: input.userId ?? null,
    title: input.title ?? null,
    color: input.color ?? null,
    pinned: Boolean(input.pinned),
    dateAdded: new Date().toISOString(),
  };
  sb.store.data.notes[n.id] = n;
  sb.store.markDirty();
  sb.webhooks.emit(notePayload("NoteCreate", n));
  return n;
}

export function updateNote(sb: Sandbox, n: NoteRecord, input: NoteInput): NoteRecord {
  const next = { ...n, ...input };
  sb.store.data.notes[n.id] = next;
  sb.store.markDirty();
  sb.webhooks.emit(notePayload("NoteUpdate", next));
  return next;
}

export function deleteNote(sb: Sandbox, n: NoteRecord) {
  delete sb.store.data.notes[n.id];
  sb.store.markDirty();
  sb.webhooks.emit(notePayload("NoteDelete", n));
}

export function createAppointment(sb: Sandbox, c: ContactRecord, input: AppointmentInput): AppointmentRecord {
  const now = new Date().toISOString();
  const start = input.startTime ? new Date(input.startTime) : new Date(Date.now() + 86_400_000);
  const calendarId = input.calendarId ?? Object.values(sb.store.data.appointments).find((a) => a.locationId === c.locationId)?.calendarId ?? ghlId();
  const assignedUserId = input.assignedUserId ?? c.assignedTo ?? sb.store.data.users[0].id;
  const a: AppointmentRecord = {
    id: ghlId(),
    locationId: c.locationId,
    contactId: c.id,
    calendarId,
    groupId: input.groupId ?? calendarId,
    title: input.title ?? "Appointment",
    status: input.status ?? "booked",
    appointmentStatus: input.appointmentStatus ?? "confirmed",
    assignedUserId,
    users: input.users ?? [assignedUserId],
    notes: input.notes ?? "",
    address: input.address ?? "",
    source: input.source ?? "sandbox_admin",
    startTime: start.toISOString(),
    endTime: input.endTime ? new Date(input.endTime).toISOString() : new Date(start.getTime() + 3600_000).toISOString(),
    dateAdded: now,
    dateUpdated: now,
  };
  sb.store.data.appointments[a.id] = a;
  sb.store.markDirty();
  sb.webhooks.emit(appointmentPayload("AppointmentCreate", a));
  return a;
}

export function updateAppointment(sb: Sandbox, a: AppointmentRecord, input: AppointmentInput): AppointmentRecord {
  const next = { ...a, ...input, dateUpdated: new Date().toISOString() };
  sb.store.data.appointments[a.id] = next;
  sb.store.markDirty();
  sb.webhooks.emit(appointmentPayload("AppointmentUpdate", next));
  return next;
}

export function deleteAppointment(sb: Sandbox, a: AppointmentRecord) {
  delete sb.store.data.appointments[a.id];
  sb.store.markDirty();
  sb.webhooks.emit(appointmentPayload("AppointmentDelete", a));
}
