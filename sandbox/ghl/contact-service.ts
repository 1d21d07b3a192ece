import { applyContactInput, blankContact, findDuplicate, normalizeTags, type ContactInput } from "./contact-model";
import type { Sandbox } from "./context";
import { badRequest } from "./http";
import { ghlId } from "./ids";
import type { ContactRecord, LocationRecord } from "./types";
import { contactPayload, type ContactEvent } from "./webhook-payloads";

/** Every contact write goes through here: store, search index, persistence and webhooks. */
export function saveContact(sb: Sandbox, c: ContactRecord, events: ContactEvent[]) {
  sb.store.data.contacts[c.id] = c;
  sb.search.record(c.id, c);
  sb.store.markDirty();
  for (const e of events) sb.webhooks.emit(contactPayload(e, c));
}

function assertNoDuplicate(sb: Sandbox, loc: LocationRecord, input: ContactInput, selfId?: string) {
  if (loc.allowDuplicateContact) return;
  const others = sb.store.contactsOf(loc.id).filter((c) => c.id !== selfId);
  const dup = findDuplicate(others, loc.duplicatePriority, input.email as string | undefined, input.phone as string | undefined);
  if (dup) {
    throw badRequest("This location does not allow duplicated contacts.", {
      meta: { contactName: dup.contact.name ?? undefined, contactId: dup.contact.id, matchingField: dup.field },
    });
  }
}

export function createContact(sb: Sandbox, loc: LocationRecord, input: ContactInput): ContactRecord {
  assertNoDuplicate(sb, loc, input);
  return insertContact(sb, loc, input);
}

export function insertContact(sb: Sandbox, loc: LocationRecord, input: ContactInput): ContactRecord {
  const c = blankContact(ghlId(), loc.id, new Date().toISOString());
  applyContactInput(c, input, loc);
  saveContact(sb, c, ["ContactCreate"]);
  return c;
}

export function updateContact(sb: Sandbox, c: ContactRecord, input: ContactInput): ContactRecord {
  const loc = sb.store.location(c.locationId);
  if (!loc) throw new Error(`location ${c.locationId} missing`);
  const emailChanged = "email" in input && input.email !== c.email;
  const phoneChanged = "phone" in input && input.phone !== c.phone;
  if (emailChanged || phoneChanged) {
    assertNoDuplicate(sb, loc, { email: emailChanged ? input.email : undefined, phone: phoneChanged ? input.phone : undefined }, c.id);
  }
  const next = structuredClone(c);
  applyContactInput(next, input, loc);
  next.dateUpdated = new Date().toISOString();
  const events: ContactEvent[] = ["ContactUpdate"];
  if (JSON.stringify(next.tags) !== JSON.stringify(c.tags)) events.push("ContactTagUpdate");
  if (next.dnd !== c.dnd || JSON.stringify(next.dndSettings) !== JSON.stringify(c.dndSettings)) events.push("ContactDndUpdate");
  saveContact(sb, next, events);
  return next;
}

export function deleteContact(sb: Sandbox, c: ContactRecord) {
  const d = sb.store.data;
  delete d.contacts[c.id];
  for (const coll of [d.tasks, d.notes, d.appointments]) {
    for (const [id, rec] of Object.entries(coll)) if (rec.contactId === c.id) delete coll[id];
  }
  sb.search.record(c.id, null);
  sb.store.markDirty();
  sb.webhooks.emit(contactPayload("ContactDelete", c));
}

/** Incremental tag change; fires ContactTagUpdate only when the list actually changed. */
export function changeTags(sb: Sandbox, c: ContactRecord, tags: string[], mode: "add" | "remove", removeAll = false) {
  const wanted = normalizeTags(tags);
  const next =
    mode === "add"
      ? normalizeTags([...c.tags, ...wanted])
      : removeAll
        ? []
        : c.tags.filter((t) => !wanted.includes(t));
  if (JSON.stringify(next) === JSON.stringify(c.tags)) return c;
  const updated = { ...c, tags: next, dateUpdated: new Date().toISOString() };
  saveContact(sb, updated, ["ContactTagUpdate"]);
  return updated;
}

/** Quiet field changes (followers, campaigns, business) that GHL does not announce as tag/dnd events. */
export function patchContact(sb: Sandbox, c: ContactRecord, patch: Partial<ContactRecord>, events: ContactEvent[] = []) {
  const updated = { ...c, ...patch, dateUpdated: new Date().toISOString() };
  saveContact(sb, updated, events);
  return updated;
}
