/**
 * The three recipes every customer starts from, as installable workflow templates. Each runs
 * end to end on the sandboxes (see templates.test.ts).
 */
import type { WorkflowGraph } from "../graph";
import { action, chain, clientFromContact, piped, ref, trigger } from "./build";

export type Template = { key: string; name: string; description: string; graph: WorkflowGraph };

const APPOINTMENT_STATUS = {
  transform: "lookup",
  params: {
    entries: [
      { from: "new", to: "scheduled" },
      { from: "confirmed", to: "scheduled" },
      { from: "showed", to: "completed" },
      { from: "noshow", to: "no_show" },
      { from: "cancelled", to: "cancelled" },
      { from: "invalid", to: "cancelled" },
    ],
    fallback: "value",
    fallbackValue: "scheduled",
  },
};

function contactToClient(triggerKey: string, label: string): WorkflowGraph {
  return {
    schemaVersion: 1,
    nodes: [trigger(triggerKey, label), action("upsertClient", "details-flowers.client.upsert", "Create or update the client", 1, clientFromContact("trigger", ""))],
    edges: chain("trigger", "upsertClient"),
  };
}

export const TEMPLATES: Template[] = [
  {
    key: "contact-to-client",
    name: "New GHL contact → Details Flowers client",
    description: "When a contact is created in HighLevel, create or update the matching Details Flowers client (matched by GHL id, email, then phone).",
    graph: contactToClient("ghl.contact.created", "Contact created"),
  },
  {
    key: "contact-update-to-client",
    name: "Updated GHL contact → Details Flowers client",
    description: "When a contact changes in HighLevel, update the linked Details Flowers client (or create it if it is new).",
    graph: contactToClient("ghl.contact.updated", "Contact updated"),
  },
  {
    key: "task-to-client-tasks",
    name: "GHL task → client and all their tasks in Details Flowers",
    description: "When a task is created in HighLevel, fetch the contact and all their tasks, update the Details Flowers client, and mirror every task.",
    graph: {
      schemaVersion: 1,
      nodes: [
        trigger("ghl.task.created", "Task created"),
        action("getContact", "ghl.contact.get", "Fetch the contact", 1, { contactId: ref("trigger", "contactId") }),
        action("listTasks", "ghl.task.list", "Fetch the contact's tasks", 2, { contactId: ref("trigger", "contactId") }),
        action("upsertClient", "details-flowers.client.upsert", "Update the client", 3, clientFromContact("getContact", "contact")),
        { id: "eachTask", kind: "loop", label: "For each task", items: ref("listTasks", "tasks"), position: { x: 1120, y: 0 } },
        action("mirrorTask", "details-flowers.task.create", "Mirror the task", 5, {
          ghlContactId: ref("trigger", "contactId"),
          ghlTaskId: ref("eachTask", "item.id"),
          title: ref("eachTask", "item.title"),
          body: ref("eachTask", "item.body"),
          dueAt: piped(ref("eachTask", "item.dueDate"), { transform: "date.parse" }),
          completed: ref("eachTask", "item.completed"),
        }),
      ],
      edges: [...chain("trigger", "getContact", "listTasks", "upsertClient", "eachTask"), { id: "eachTask-mirrorTask", source: "eachTask", sourceHandle: "each", target: "mirrorTask" }],
    },
  },
  {
    key: "note-to-client-note",
    name: "GHL note → note on the Details Flowers client",
    description: "When a note is added in HighLevel, make sure the client exists and add the note to it.",
    graph: {
      schemaVersion: 1,
      nodes: [
        trigger("ghl.note.created", "Note added"),
        action("getContact", "ghl.contact.get", "Fetch the contact", 1, { contactId: ref("trigger", "contactId") }),
        action("upsertClient", "details-flowers.client.upsert", "Make sure the client exists", 2, clientFromContact("getContact", "contact")),
        action("mirrorNote", "details-flowers.note.create", "Add the note", 3, {
          ghlContactId: ref("trigger", "contactId"),
          ghlNoteId: ref("trigger", "id"),
          body: ref("trigger", "body"),
        }),
      ],
      edges: chain("trigger", "getContact", "upsertClient", "mirrorNote"),
    },
  },
  {
    key: "appointment-to-client-appointment",
    name: "GHL appointment → appointment on the Details Flowers client",
    description: "When an appointment is booked in HighLevel, make sure the client exists and add the consultation to it.",
    graph: {
      schemaVersion: 1,
      nodes: [
        trigger("ghl.appointment.created", "Appointment booked"),
        action("getContact", "ghl.contact.get", "Fetch the contact", 1, { contactId: ref("trigger", "appointment.contactId") }),
        action("upsertClient", "details-flowers.client.upsert", "Make sure the client exists", 2, clientFromContact("getContact", "contact")),
        action("mirrorAppointment", "details-flowers.appointment.create", "Add the appointment", 3, {
          ghlContactId: ref("trigger", "appointment.contactId"),
          ghlAppointmentId: ref("trigger", "appointment.id"),
          title: ref("trigger", "appointment.title"),
          startsAt: piped(ref("trigger", "appointment.startTime"), { transform: "date.parse" }),
          endsAt: piped(ref("trigger", "appointment.endTime"), { transform: "date.parse" }),
          location: ref("trigger", "appointment.address"),
          status: piped(ref("trigger", "appointment.appointmentStatus"), APPOINTMENT_STATUS),
        }),
      ],
      edges: chain("trigger", "getContact", "upsertClient", "mirrorAppointment"),
    },
  },
];

export function getTemplate(key: string): Template | undefined {
  return TEMPLATES.find((t) => t.key === key);
}
