import type { AppointmentRecord, ContactRecord, NoteRecord, TaskRecord } from "./types";

export type ContactEvent = "ContactCreate" | "ContactUpdate" | "ContactDelete" | "ContactTagUpdate" | "ContactDndUpdate";
export type NoteEvent = "NoteCreate" | "NoteUpdate" | "NoteDelete";
export type TaskEvent = "TaskCreate" | "TaskComplete" | "TaskDelete";
export type AppointmentEvent = "AppointmentCreate" | "AppointmentUpdate" | "AppointmentDelete";
export type WebhookPayload = Record<string, unknown> & { type: string; locationId: string };

/** Drops null/undefined so optional fields are absent, as in GHL's examples. */
function compact(obj: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== null && v !== undefined));
}

// Key order follows vendor/ghl-openapi/webhook-events.json examples.
export function contactPayload(type: ContactEvent, c: ContactRecord): WebhookPayload {
  return {
    type,
    locationId: c.locationId,
    ...compact({
      id: c.id,
      address1: c.address1,
      city: c.city,
      state: c.state,
      companyName: c.companyName,
      country: c.country,
      source: c.source,
      dateAdded: c.dateAdded,
      dateOfBirth: c.dateOfBirth,
      dnd: c.dnd,
      ...(type === "ContactDndUpdate" ? { dndSettings: c.dndSettings } : {}),
      email: c.email,
      name: c.name,
      firstName: c.firstName,
      lastName: c.lastName,
      phone: c.phone,
      postalCode: c.postalCode,
      tags: c.tags,
      website: c.website,
      attachments: [],
      assignedTo: c.assignedTo,
      customFields: c.customFields,
    }),
  };
}

export function notePayload(type: NoteEvent, n: NoteRecord): WebhookPayload {
  return { type, locationId: n.locationId, id: n.id, body: n.body, contactId: n.contactId, dateAdded: n.dateAdded };
}

export function taskPayload(type: TaskEvent, t: TaskRecord): WebhookPayload {
  return {
    type,
    locationId: t.locationId,
    ...compact({
      id: t.id,
      assignedTo: t.assignedTo,
      body: t.body,
      contactId: t.contactId,
      title: t.title,
      dateAdded: t.dateAdded,
      dueDate: t.dueDate,
    }),
  };
}

/** Webhook appointment times carry an explicit offset, e.g. `2023-09-25T16:00:00+00:00`. */
export function withOffset(iso: string): string {
  return iso.replace(/\.\d{3}Z$/, "+00:00").replace(/Z$/, "+00:00");
}

export function appointmentPayload(type: AppointmentEvent, a: AppointmentRecord): WebhookPayload {
  return {
    type,
    locationId: a.locationId,
    appointment: {
      id: a.id,
      address: a.address,
      title: a.title,
      calendarId: a.calendarId,
      contactId: a.contactId,
      groupId: a.groupId,
      appointmentStatus: a.appointmentStatus,
      assignedUserId: a.assignedUserId,
      users: a.users,
      notes: a.notes,
      source: a.source,
      startTime: withOffset(a.startTime),
      endTime: withOffset(a.endTime),
      dateAdded: withOffset(a.dateAdded),
      dateUpdated: withOffset(a.dateUpdated),
    },
  };
}
