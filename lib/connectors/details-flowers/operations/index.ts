/** Every Details Flowers operation, listed explicitly (no import side effects). */
import { completeTask } from "./complete-task";
import { createAppointment } from "./create-appointment";
import { createClientEvent } from "./create-client-event";
import { createEvent } from "./create-event";
import { createNote } from "./create-note";
import { createTask } from "./create-task";
import { createWebhook } from "./create-webhook";
import { deleteAppointment } from "./delete-appointment";
import { deleteClient } from "./delete-client";
import { deleteNote } from "./delete-note";
import { deleteTask } from "./delete-task";
import { deleteWebhook } from "./delete-webhook";
import { getAppointment } from "./get-appointment";
import { getClient } from "./get-client";
import { getEvent } from "./get-event";
import { getNote } from "./get-note";
import { getOrder } from "./get-order";
import { getTask } from "./get-task";
import { listAppointments } from "./list-appointments";
import { listChanges } from "./list-changes";
import { listClients } from "./list-clients";
import { listEvents } from "./list-events";
import { listNotes } from "./list-notes";
import { listOrders } from "./list-orders";
import { listTasks } from "./list-tasks";
import { listWebhooks } from "./list-webhooks";
import { updateAppointment } from "./update-appointment";
import { updateClient } from "./update-client";
import { updateEvent } from "./update-event";
import { updateNote } from "./update-note";
import { updateTask } from "./update-task";
import { upsertClient } from "./upsert-client";

export const dfOperationList = [
  upsertClient, updateClient, getClient, listClients, deleteClient,
  createClientEvent, createEvent, updateEvent, getEvent, listEvents,
  createTask, updateTask, completeTask, getTask, listTasks, deleteTask,
  createNote, updateNote, getNote, listNotes, deleteNote,
  createAppointment, updateAppointment, getAppointment, listAppointments, deleteAppointment,
  getOrder, listOrders,
  listChanges,
  createWebhook, listWebhooks, deleteWebhook,
] as const;

/**
 * Contract operations deliberately without an action: `createToken` is auth plumbing
 * (auth.ts). `receiveWebhook` is inbound (triggers/).
 */
export const DF_OPERATIONS_WITHOUT_ACTION = ["createToken"] as const;
