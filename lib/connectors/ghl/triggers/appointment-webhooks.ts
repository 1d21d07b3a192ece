import { ghlWebhookEvents } from "../generated/webhooks";
import { ghlWebhookTrigger } from "./webhook-trigger";

// GHL does not document the scope for appointment events; calendars/events.readonly is assumed.
const scopes = ["calendars/events.readonly"] as const;
const byContact = (payload: { appointment?: { contactId?: string | null } | null }) => ({ id: payload.appointment?.contactId ?? undefined });

export const appointmentCreated = ghlWebhookTrigger({
  key: "ghl.appointment.created",
  event: ghlWebhookEvents.AppointmentCreate,
  resource: "appointment",
  label: "Appointment booked",
  description: "Runs when an appointment is booked in a GHL calendar.",
  scopes,
  subject: byContact,
});

export const appointmentUpdated = ghlWebhookTrigger({
  key: "ghl.appointment.updated",
  event: ghlWebhookEvents.AppointmentUpdate,
  resource: "appointment",
  label: "Appointment changed",
  description: "Runs when an appointment is rescheduled, confirmed, cancelled or marked showed/no-show.",
  scopes,
  subject: byContact,
});

export const appointmentDeleted = ghlWebhookTrigger({
  key: "ghl.appointment.deleted",
  event: ghlWebhookEvents.AppointmentDelete,
  resource: "appointment",
  label: "Appointment deleted",
  description: "Runs when an appointment is deleted from a GHL calendar.",
  scopes,
  subject: byContact,
});
