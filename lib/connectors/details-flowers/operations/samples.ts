/** Realistic records for operation examples and trigger samples. */
import type { Appointment, Client, Note, Order, Task } from "../generated/schemas";

const at = "2026-01-15T12:00:00.000Z";

export const sampleClient: Client = {
  id: "cl_8f2k", fullName: "Ada Lovelace", firstName: "Ada", lastName: "Lovelace", email: "ada@example.com", phone: "+15551234567",
  company: null, address: null, tags: ["wedding"], externalIds: { ghl: "ocQHyuzHvysMo5N5VsXc" }, createdAt: at, updatedAt: at, deletedAt: null,
};

export const sampleTask: Task = {
  id: "tk_51a", clientId: "cl_8f2k", eventId: null, title: "Call about centrepieces", body: null, dueAt: "2026-02-01T17:00:00.000Z",
  completed: false, completedAt: null, assigneeEmail: null, externalIds: { ghl: "tsk_91" }, createdAt: at, updatedAt: at, deletedAt: null,
};

export const sampleNote: Note = {
  id: "nt_7c", clientId: "cl_8f2k", eventId: null, body: "Prefers peonies; allergic to lilies.", authorEmail: null, pinned: false,
  externalIds: { ghl: "note_12" }, createdAt: at, updatedAt: at, deletedAt: null,
};

export const sampleAppointment: Appointment = {
  id: "ap_2d", clientId: "cl_8f2k", eventId: null, title: "Design consultation", startsAt: "2026-02-03T15:00:00.000Z",
  endsAt: "2026-02-03T16:00:00.000Z", location: "Studio", status: "scheduled", notes: null, externalIds: { ghl: "appt_3" },
  createdAt: at, updatedAt: at, deletedAt: null,
};

export const sampleOrder: Order = {
  id: "or_9", clientId: "cl_8f2k", eventId: "ev_31x", number: "P-1004", kind: "proposal", status: "signed",
  total: { amount: 480000, currency: "USD" }, balanceDue: { amount: 360000, currency: "USD" }, signedAt: at,
  externalIds: {}, createdAt: at, updatedAt: at,
};
