import { ghlWebhookEvents } from "../generated/webhooks";
import { ghlWebhookTrigger } from "./webhook-trigger";

type ContactPayload = { id?: string | null; email?: string | null; name?: string | null; firstName?: string | null; lastName?: string | null };

const contactSubject = (payload: ContactPayload) => ({
  id: payload.id ?? undefined,
  email: payload.email ?? undefined,
  name: payload.name ?? ([payload.firstName, payload.lastName].filter(Boolean).join(" ") || undefined),
});

const scopes = ["contacts.readonly"] as const;

export const contactCreated = ghlWebhookTrigger({
  key: "ghl.contact.created",
  event: ghlWebhookEvents.ContactCreate,
  resource: "contact",
  label: "Contact created",
  description: "Runs when a contact is added to the GHL location (form, import, API or by hand).",
  scopes,
  subject: contactSubject,
});

export const contactUpdated = ghlWebhookTrigger({
  key: "ghl.contact.updated",
  event: ghlWebhookEvents.ContactUpdate,
  resource: "contact",
  label: "Contact updated",
  description: "Runs when fields of a GHL contact change. GHL does not say which fields; compare with your last copy if it matters.",
  scopes,
  subject: contactSubject,
});

export const contactDeleted = ghlWebhookTrigger({
  key: "ghl.contact.deleted",
  event: ghlWebhookEvents.ContactDelete,
  resource: "contact",
  label: "Contact deleted",
  description: "Runs when a contact is deleted in GHL; the payload holds its last state.",
  scopes,
  subject: contactSubject,
});

export const contactTagUpdated = ghlWebhookTrigger({
  key: "ghl.contact.tag-updated",
  event: ghlWebhookEvents.ContactTagUpdate,
  resource: "contact",
  label: "Contact tags changed",
  description: "Runs when tags are added to or removed from a contact; the payload holds the full new tag list.",
  scopes,
  subject: contactSubject,
});

export const contactDndUpdated = ghlWebhookTrigger({
  key: "ghl.contact.dnd-updated",
  event: ghlWebhookEvents.ContactDndUpdate,
  resource: "contact",
  label: "Contact do-not-disturb changed",
  description: "Runs when a contact's do-not-disturb settings change, per channel (SMS, email, calls…).",
  scopes,
  subject: contactSubject,
});
