import { ghlWebhookEvents } from "../generated/webhooks";
import { ghlWebhookTrigger } from "./webhook-trigger";

const scopes = ["contacts.readonly"] as const;
const byContact = (payload: { contactId?: string | null }) => ({ id: payload.contactId ?? undefined });

export const noteCreated = ghlWebhookTrigger({
  key: "ghl.note.created",
  event: ghlWebhookEvents.NoteCreate,
  resource: "note",
  label: "Note created",
  description: "Runs when a note is written on a GHL contact.",
  scopes,
  subject: byContact,
});

export const noteUpdated = ghlWebhookTrigger({
  key: "ghl.note.updated",
  event: ghlWebhookEvents.NoteUpdate,
  resource: "note",
  label: "Note updated",
  description: "Runs when a note on a GHL contact is edited.",
  scopes,
  subject: byContact,
});

export const noteDeleted = ghlWebhookTrigger({
  key: "ghl.note.deleted",
  event: ghlWebhookEvents.NoteDelete,
  resource: "note",
  label: "Note deleted",
  description: "Runs when a note on a GHL contact is deleted.",
  scopes,
  subject: byContact,
});

export const taskCreated = ghlWebhookTrigger({
  key: "ghl.task.created",
  event: ghlWebhookEvents.TaskCreate,
  resource: "task",
  label: "Task created",
  description: "Runs when a task is added to a GHL contact.",
  scopes,
  subject: byContact,
});

export const taskCompleted = ghlWebhookTrigger({
  key: "ghl.task.completed",
  event: ghlWebhookEvents.TaskComplete,
  resource: "task",
  label: "Task completed",
  description: "Runs when a task of a GHL contact is marked done. GHL sends no event for other task edits.",
  scopes,
  subject: byContact,
});

export const taskDeleted = ghlWebhookTrigger({
  key: "ghl.task.deleted",
  event: ghlWebhookEvents.TaskDelete,
  resource: "task",
  label: "Task deleted",
  description: "Runs when a task of a GHL contact is deleted.",
  scopes,
  subject: byContact,
});
