/**
 * Trigger payloads: one envelope whether the event came by signed webhook or from the
 * change feed, so a workflow does not care how it was delivered.
 */
import { z } from "zod";
import { Appointment, Client, Note, Order, Task, WebhookEventType } from "../generated/schemas";

const envelope = <E extends z.ZodEnum, T extends z.ZodType>(type: E, data: T, what: string) =>
  z.object({
    id: z.string().describe("Event id (webhook delivery id, or change-<seq> when polled); stable across retries"),
    type: type.describe("What happened"),
    occurredAt: z.iso.datetime({ offset: true }).describe("When it happened (ISO-8601)"),
    data: data.describe(`The ${what} right after the change (for deletions, with deletedAt set)`),
  });

// `extract` fails to compile if the contract drops one of these event types.
export const clientCreatedPayload = envelope(WebhookEventType.extract(["client.created"]), Client, "client");
export const clientUpdatedPayload = envelope(WebhookEventType.extract(["client.updated"]), Client, "client");
export const taskChangedPayload = envelope(
  WebhookEventType.extract(["task.created", "task.updated", "task.completed", "task.deleted"]),
  Task,
  "task",
);
export const noteChangedPayload = envelope(WebhookEventType.extract(["note.created", "note.updated", "note.deleted"]), Note, "note");
export const appointmentChangedPayload = envelope(
  WebhookEventType.extract(["appointment.created", "appointment.updated", "appointment.deleted"]),
  Appointment,
  "appointment",
);
export const orderStatusChangedPayload = envelope(WebhookEventType.extract(["order.status_changed"]), Order, "order or proposal").extend({
  previousStatus: z.string().nullable().optional().describe("Status before the change; null when unknown (e.g. first sighting while polling)"),
});
