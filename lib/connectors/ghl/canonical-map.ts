/**
 * GHL records (REST responses, search items and webhook payloads alike) → canonical shapes.
 * Inputs are structural so any of the generated vendor schemas fits.
 */
import { parsePhoneNumberFromString } from "libphonenumber-js";
import type { CanonicalAppointment, CanonicalContact, CanonicalNote, CanonicalTask } from "../canonical";

type Maybe<T> = T | null | undefined;

export type GhlContactLike = {
  id?: Maybe<string>;
  email?: Maybe<string>;
  phone?: Maybe<string>;
  name?: Maybe<string>;
  firstName?: Maybe<string>;
  lastName?: Maybe<string>;
  companyName?: Maybe<string>;
  tags?: Maybe<unknown[]>;
  dateUpdated?: Maybe<string>;
  dateAdded?: Maybe<string>;
};
export type GhlTaskLike = { id?: Maybe<string>; contactId?: Maybe<string>; title?: Maybe<string>; body?: Maybe<string>; dueDate?: Maybe<string>; completed?: Maybe<boolean> };
export type GhlNoteLike = { id?: Maybe<string>; contactId?: Maybe<string>; body?: Maybe<string>; dateAdded?: Maybe<string> };
export type GhlAppointmentLike = {
  id?: Maybe<string>;
  contactId?: Maybe<string>;
  title?: Maybe<string>;
  startTime?: Maybe<string>;
  endTime?: Maybe<string>;
  address?: Maybe<string>;
  appointmentStatus?: Maybe<string>;
  status?: Maybe<string>;
  notes?: Maybe<string>;
};

const blankToNull = (value: Maybe<string>) => (value && value.trim() ? value.trim() : null);

/** E.164 when the number parses (GHL stores E.164; imports may not), else the input unchanged. */
export function normalizePhone(phone: Maybe<string>): string | null {
  const raw = blankToNull(phone);
  if (!raw) return null;
  return parsePhoneNumberFromString(raw, "US")?.number ?? raw;
}

/** GHL's contact-appointment times may lack a zone (`2021-07-16 11:00:00`): read them as UTC. */
export function normalizeGhlTime(value: string): string;
export function normalizeGhlTime(value: Maybe<string>): string | null;
export function normalizeGhlTime(value: Maybe<string>): string | null {
  const raw = blankToNull(value);
  if (!raw) return null;
  const isoLike = raw.replace(" ", "T");
  if (/(Z|[+-]\d{2}:?\d{2})$/i.test(isoLike)) return isoLike;
  const parsed = Date.parse(`${isoLike}Z`);
  return Number.isNaN(parsed) ? raw : new Date(parsed).toISOString();
}

export function toCanonicalContact(contact: GhlContactLike): CanonicalContact {
  const firstName = blankToNull(contact.firstName);
  const lastName = blankToNull(contact.lastName);
  return {
    id: contact.id ?? "",
    email: blankToNull(contact.email)?.toLowerCase() ?? null,
    phone: normalizePhone(contact.phone),
    fullName: blankToNull(contact.name) ?? (([firstName, lastName].filter(Boolean).join(" ") || null)),
    firstName,
    lastName,
    companyName: blankToNull(contact.companyName),
    tags: (contact.tags ?? []).filter((tag): tag is string => typeof tag === "string"),
    updatedAt: contact.dateUpdated ?? contact.dateAdded ?? null,
  };
}

export function toCanonicalTask(task: GhlTaskLike): CanonicalTask {
  return {
    id: task.id ?? "",
    contactId: task.contactId ?? "",
    title: task.title ?? "",
    body: task.body ?? null,
    dueAt: task.dueDate ?? null,
    completed: task.completed ?? false,
  };
}

export function toCanonicalNote(note: GhlNoteLike): CanonicalNote {
  return { id: note.id ?? "", contactId: note.contactId ?? "", body: note.body ?? "", createdAt: note.dateAdded ?? null };
}

const appointmentStatuses: Record<string, CanonicalAppointment["status"]> = {
  new: "scheduled",
  booked: "scheduled",
  confirmed: "scheduled",
  showed: "completed",
  noshow: "no_show",
  cancelled: "cancelled",
  invalid: "cancelled",
};

export function toCanonicalAppointmentStatus(status: Maybe<string>): CanonicalAppointment["status"] {
  return appointmentStatuses[(status ?? "").toLowerCase().replace(/[\s_-]/g, "")] ?? "scheduled";
}

export function toCanonicalAppointment(appointment: GhlAppointmentLike): CanonicalAppointment {
  return {
    id: appointment.id ?? "",
    contactId: appointment.contactId ?? "",
    title: appointment.title ?? "",
    startsAt: normalizeGhlTime(appointment.startTime) ?? "",
    endsAt: normalizeGhlTime(appointment.endTime),
    location: blankToNull(appointment.address),
    // `appointmentStatus` is the lifecycle; `status` is often just "booked".
    status: toCanonicalAppointmentStatus(appointment.appointmentStatus ?? appointment.status),
    notes: appointment.notes ?? null,
  };
}
