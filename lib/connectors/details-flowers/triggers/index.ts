/** Details Flowers triggers, so changes made there can flow back (two-way sync). */
import { Client } from "../generated/schemas";
import { sampleAppointment, sampleClient, sampleNote, sampleOrder, sampleTask } from "../operations/samples";
import { dfTriggerPair, envelopeFromChange, onActions } from "./define-df-trigger";
import { appointmentChangedPayload, clientCreatedPayload, clientUpdatedPayload, noteChangedPayload, orderStatusChangedPayload, taskChangedPayload } from "./payloads";

const at = "2026-01-15T12:00:00.000Z";

const clientCreated = dfTriggerPair({
  key: "details-flowers.client.created",
  resource: "client",
  label: "Client created",
  description: "A client was added in Details Flowers.",
  eventTypes: ["client.created"],
  payload: clientCreatedPayload,
  sample: { id: "evt_1", type: "client.created", occurredAt: at, data: sampleClient },
  fromChange: onActions("client", ["created"], "client"),
});

const clientUpdated = dfTriggerPair({
  key: "details-flowers.client.updated",
  resource: "client",
  label: "Client updated",
  description: "A client's details changed in Details Flowers.",
  eventTypes: ["client.updated"],
  payload: clientUpdatedPayload,
  sample: { id: "evt_2", type: "client.updated", occurredAt: at, data: Client.parse(sampleClient) },
  fromChange: onActions("client", ["updated"], "client"),
});

const taskChanged = dfTriggerPair({
  key: "details-flowers.task.changed",
  resource: "task",
  label: "Task created, changed or deleted",
  description: "A task of a client was created, updated, completed or deleted.",
  eventTypes: ["task.created", "task.updated", "task.completed", "task.deleted"],
  payload: taskChangedPayload,
  sample: { id: "evt_3", type: "task.created", occurredAt: at, data: sampleTask },
  fromChange: onActions("task", ["created", "updated", "deleted"], "task"),
});

const noteChanged = dfTriggerPair({
  key: "details-flowers.note.changed",
  resource: "note",
  label: "Note created, changed or deleted",
  description: "A note on a client was written, edited or deleted.",
  eventTypes: ["note.created", "note.updated", "note.deleted"],
  payload: noteChangedPayload,
  sample: { id: "evt_4", type: "note.created", occurredAt: at, data: sampleNote },
  fromChange: onActions("note", ["created", "updated", "deleted"], "note"),
});

const appointmentChanged = dfTriggerPair({
  key: "details-flowers.appointment.changed",
  resource: "appointment",
  label: "Appointment created, changed or deleted",
  description: "A consultation or other appointment was booked, moved, cancelled or deleted.",
  eventTypes: ["appointment.created", "appointment.updated", "appointment.deleted"],
  payload: appointmentChangedPayload,
  sample: { id: "evt_5", type: "appointment.created", occurredAt: at, data: sampleAppointment },
  fromChange: onActions("appointment", ["created", "updated", "deleted"], "appointment"),
});

const orderStatusChanged = dfTriggerPair({
  key: "details-flowers.order.status-changed",
  resource: "order",
  label: "Order or proposal status changed",
  description: "An order or proposal moved to another status, e.g. proposal signed or deposit paid.",
  eventTypes: ["order.status_changed"],
  payload: orderStatusChangedPayload,
  sample: { id: "evt_6", type: "order.status_changed", occurredAt: at, data: sampleOrder, previousStatus: "proposal_sent" },
  // The feed reports updates, not status moves: remember each order's last status to tell.
  fromChange: (change, seen) => {
    if (change.type !== "order" || !change.record || !("status" in change.record)) return null;
    const status = String(change.record.status);
    const last = seen.latest(`order-status:${change.id}:`);
    const previous = last ? last.split(":").slice(2).join(":") : null;
    const key = `order-status:${change.id}:${status}`;
    if (previous === status || change.action === "created") {
      seen.add(key);
      return null;
    }
    const envelope = { ...envelopeFromChange(change, "order.status_changed"), previousStatus: previous };
    return { dedupeKey: envelope.id, occurredAt: change.occurredAt, payload: envelope as never, remember: [key] };
  },
});

export const dfTriggers = [...clientCreated, ...clientUpdated, ...taskChanged, ...noteChanged, ...appointmentChanged, ...orderStatusChanged];
