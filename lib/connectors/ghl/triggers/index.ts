import { appointmentCreated, appointmentDeleted, appointmentUpdated } from "./appointment-webhooks";
import { contactCreatedPoll, contactUpdatedPoll } from "./contact-polling";
import { contactCreated, contactDeleted, contactDndUpdated, contactTagUpdated, contactUpdated } from "./contact-webhooks";
import { noteCreated, noteDeleted, noteUpdated, taskCompleted, taskCreated, taskDeleted } from "./note-task-webhooks";

/** Webhook triggers for the 14 contact/note/task/appointment events, then the polling fallbacks. */
export const ghlTriggers = [
  contactCreated,
  contactUpdated,
  contactDeleted,
  contactTagUpdated,
  contactDndUpdated,
  noteCreated,
  noteUpdated,
  noteDeleted,
  taskCreated,
  taskCompleted,
  taskDeleted,
  appointmentCreated,
  appointmentUpdated,
  appointmentDeleted,
  contactCreatedPoll,
  contactUpdatedPoll,
] as const;
