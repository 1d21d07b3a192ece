/** operationId → handler. A test asserts every contract operation has one. */
import { issueToken } from "../auth";
import { childHandlers, completeTask } from "./children";
import { createClientEvent, deleteClient, getClient, listClients, updateClient, upsertClientOp } from "./clients";
import type { Handler } from "./common";
import { createEvent, getEvent, listEvents, updateEvent } from "./events";
import { createWebhook, deleteWebhook, getOrder, listChanges, listOrders, listWebhooks } from "./feeds";

const tasks = childHandlers("task");
const notes = childHandlers("note");
const appointments = childHandlers("appointment");

const createToken: Handler = ({ store, options, body }) => {
  const result = issueToken(body as Record<string, string>, store.state, options);
  store.schedulePersist();
  return { status: 200, body: result };
};

export const HANDLERS: Record<string, Handler> = {
  createToken,
  listClients, getClient, updateClient, deleteClient, upsertClient: upsertClientOp, createClientEvent,
  listEvents, getEvent, createEvent, updateEvent,
  listTasks: tasks.list, getTask: tasks.get, createTask: tasks.post, updateTask: tasks.patch, deleteTask: tasks.remove, completeTask,
  listNotes: notes.list, getNote: notes.get, createNote: notes.post, updateNote: notes.patch, deleteNote: notes.remove,
  listAppointments: appointments.list, getAppointment: appointments.get, createAppointment: appointments.post,
  updateAppointment: appointments.patch, deleteAppointment: appointments.remove,
  listOrders, getOrder, listChanges, listWebhooks, createWebhook, deleteWebhook,
};
