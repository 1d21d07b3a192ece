/**
 * Canonical records the engine and sync logic see. Each connector maps its vendor shapes
 * to and from these; nothing outside a connector reads a vendor shape.
 */
import { z } from "zod";

export const canonicalContact = z.object({
  id: z.string().describe("Record id in its own system"),
  email: z.string().nullish().describe("Email address, lower-cased"),
  phone: z.string().nullish().describe("Phone number in E.164, e.g. +15551234567"),
  fullName: z.string().nullish().describe("Full name as one string"),
  firstName: z.string().nullish().describe("First (given) name"),
  lastName: z.string().nullish().describe("Last (family) name"),
  companyName: z.string().nullish().describe("Company or business name"),
  tags: z.array(z.string()).default([]).describe("Tags"),
  updatedAt: z.string().nullish().describe("Last change, ISO-8601"),
});
export type CanonicalContact = z.infer<typeof canonicalContact>;

export const canonicalTask = z.object({
  id: z.string().describe("Task id in its own system"),
  contactId: z.string().describe("Id of the contact the task belongs to"),
  title: z.string().describe("Task title"),
  body: z.string().nullish().describe("Task description"),
  dueAt: z.string().nullish().describe("Due date and time, ISO-8601"),
  completed: z.boolean().describe("Whether the task is done"),
});
export type CanonicalTask = z.infer<typeof canonicalTask>;

export const canonicalNote = z.object({
  id: z.string().describe("Note id in its own system"),
  contactId: z.string().describe("Id of the contact the note belongs to"),
  body: z.string().describe("Note text"),
  createdAt: z.string().nullish().describe("When the note was written, ISO-8601"),
});
export type CanonicalNote = z.infer<typeof canonicalNote>;

export const canonicalAppointment = z.object({
  id: z.string().describe("Appointment id in its own system"),
  contactId: z.string().describe("Id of the contact the appointment is with"),
  title: z.string().describe("Appointment title"),
  startsAt: z.string().describe("Start, ISO-8601 with offset"),
  endsAt: z.string().nullish().describe("End, ISO-8601 with offset"),
  location: z.string().nullish().describe("Address or meeting link"),
  status: z.enum(["scheduled", "completed", "cancelled", "no_show"]).describe("Appointment status"),
  notes: z.string().nullish().describe("Notes about the appointment"),
});
export type CanonicalAppointment = z.infer<typeof canonicalAppointment>;
