import { createNote, deleteNote, updateNote } from "../activity-service";
import { apiRoute, notFound, type ApiCall } from "../api";
import type { Router } from "../router";
import type { AppointmentRecord, NoteRecord } from "../types";

export function noteView(n: NoteRecord) {
  return Object.fromEntries(
    Object.entries({
      id: n.id,
      body: n.body,
      userId: n.userId,
      dateAdded: n.dateAdded,
      contactId: n.contactId,
      title: n.title,
      color: n.color,
      pinned: n.pinned,
    }).filter(([, v]) => v !== null),
  );
}

/** The contacts API shows appointment times as `2021-07-16 11:00:00` (spec example). */
function eventTime(iso: string) {
  return iso.slice(0, 19).replace("T", " ");
}

export function eventView(a: AppointmentRecord) {
  return {
    id: a.id,
    calendarId: a.calendarId,
    status: a.status,
    title: a.title,
    assignedUserId: a.assignedUserId,
    notes: a.notes,
    startTime: eventTime(a.startTime),
    endTime: eventTime(a.endTime),
    address: a.address,
    locationId: a.locationId,
    contactId: a.contactId,
    groupId: a.groupId,
    appointmentStatus: a.appointmentStatus,
    users: a.users,
    dateAdded: a.dateAdded,
    dateUpdated: a.dateUpdated,
    assignedResources: [],
  };
}

function loadNote({ sb, ctx, contact }: ApiCall): NoteRecord {
  const n = sb.store.data.notes[ctx.params.id];
  if (!n || n.contactId !== contact.id) throw notFound(sb, "Note", ctx.params.id);
  return n;
}

export function noteRoutes(r: Router) {
  r.add("GET", "/contacts/:contactId/notes", apiRoute("get-all-notes", ({ sb, contact }) => ({
    body: {
      notes: Object.values(sb.store.data.notes)
        .filter((n) => n.contactId === contact.id)
        .sort((a, b) => b.dateAdded.localeCompare(a.dateAdded))
        .map(noteView),
    },
  })));

  r.add("POST", "/contacts/:contactId/notes", apiRoute("create-note", ({ sb, contact, body }) => ({
    body: { note: noteView(createNote(sb, contact, body)) },
  })));

  r.add("GET", "/contacts/:contactId/notes/:id", apiRoute("get-note", (call) => ({ body: { note: noteView(loadNote(call)) } })));

  r.add("PUT", "/contacts/:contactId/notes/:id", apiRoute("update-note", (call) => ({
    body: { note: noteView(updateNote(call.sb, loadNote(call), call.body)) },
  })));

  r.add("DELETE", "/contacts/:contactId/notes/:id", apiRoute("delete-note", (call) => {
    deleteNote(call.sb, loadNote(call));
    return { body: { succeded: true } };
  }));

  r.add("GET", "/contacts/:contactId/appointments", apiRoute("get-appointments-for-contact", ({ sb, contact }) => ({
    body: {
      events: Object.values(sb.store.data.appointments)
        .filter((a) => a.contactId === contact.id)
        .sort((a, b) => a.startTime.localeCompare(b.startTime))
        .map(eventView),
    },
  })));
}
