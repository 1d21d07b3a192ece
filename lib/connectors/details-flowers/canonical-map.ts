/**
 * Details Flowers records ↔ Bloombridge's canonical Contact/Task/Note/Appointment. Sync logic
 * sees only the canonical side; this file is the only place that knows both shapes.
 */
import type { CanonicalAppointment, CanonicalContact, CanonicalNote, CanonicalTask } from "../canonical";
import type { Appointment, AppointmentCreate, Client, ClientPatch, Note, NoteCreate, Task, TaskCreate } from "./generated/schemas";

/** Appointments in Details Flowers need an end; canonical ones may not have one. */
const DEFAULT_APPOINTMENT_MINUTES = 60;

export function clientToCanonical(client: Client): CanonicalContact {
  return {
    id: client.id,
    email: client.email,
    phone: client.phone,
    fullName: client.fullName,
    firstName: client.firstName,
    lastName: client.lastName,
    companyName: client.company,
    tags: client.tags,
    updatedAt: client.updatedAt,
  };
}

/** Fields to write; `undefined` canonical fields are left out so they do not clear stored values. */
export function canonicalToClient(contact: Omit<CanonicalContact, "id">): ClientPatch {
  const out: ClientPatch = {
    fullName: contact.fullName ?? undefined,
    firstName: contact.firstName,
    lastName: contact.lastName,
    email: contact.email?.toLowerCase() ?? contact.email,
    phone: contact.phone,
    company: contact.companyName,
    tags: contact.tags,
  };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined));
}

export function taskToCanonical(task: Task): CanonicalTask {
  return { id: task.id, contactId: task.clientId, title: task.title, body: task.body, dueAt: task.dueAt, completed: task.completed };
}

export function canonicalToTask(task: Omit<CanonicalTask, "id" | "contactId">): TaskCreate {
  return { title: task.title, body: task.body ?? null, dueAt: task.dueAt ?? null, completed: task.completed };
}

export function noteToCanonical(note: Note): CanonicalNote {
  return { id: note.id, contactId: note.clientId, body: note.body, createdAt: note.createdAt };
}

export function canonicalToNote(note: Omit<CanonicalNote, "id" | "contactId">): NoteCreate {
  return { body: note.body };
}

export function appointmentToCanonical(appointment: Appointment): CanonicalAppointment {
  return {
    id: appointment.id,
    contactId: appointment.clientId,
    title: appointment.title,
    startsAt: appointment.startsAt,
    endsAt: appointment.endsAt,
    location: appointment.location,
    status: appointment.status,
    notes: appointment.notes,
  };
}

export function canonicalToAppointment(
  appointment: Omit<CanonicalAppointment, "id" | "contactId">,
  defaultMinutes = DEFAULT_APPOINTMENT_MINUTES,
): AppointmentCreate {
  const endsAt = appointment.endsAt ?? new Date(Date.parse(appointment.startsAt) + defaultMinutes * 60_000).toISOString();
  return {
    title: appointment.title,
    startsAt: appointment.startsAt,
    endsAt,
    location: appointment.location ?? null,
    status: appointment.status,
    notes: appointment.notes ?? null,
  };
}
