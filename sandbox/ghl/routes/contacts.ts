import { randomUUID } from "node:crypto";
import { apiRoute } from "../api";
import { contactView, createdContactView, findDuplicate } from "../contact-model";
import { createContact, deleteContact, insertContact, updateContact } from "../contact-service";
import { badRequest } from "../http";
import type { Router } from "../router";

export function contactRoutes(r: Router) {
  r.add("POST", "/contacts", apiRoute("create-contact", ({ sb, location, body }) => {
    const c = createContact(sb, location, body);
    return { body: { contact: createdContactView(c) } };
  }));

  r.add("GET", "/contacts/:contactId", apiRoute("get-contact", ({ contact }) => ({ body: { contact: contactView(contact) } })));

  r.add("PUT", "/contacts/:contactId", apiRoute("update-contact", ({ sb, contact, body }) => {
    const c = updateContact(sb, contact, body);
    return { body: { succeded: true, contact: contactView(c) } };
  }));

  r.add("DELETE", "/contacts/:contactId", apiRoute("delete-contact", ({ sb, contact }) => {
    deleteContact(sb, contact);
    return { body: { succeded: true } };
  }));

  r.add("POST", "/contacts/upsert", apiRoute("upsert-contact", ({ sb, location, body }) => {
    const { createNewIfDuplicateAllowed, locationId: _l, ...input } = body;
    const traceId = randomUUID();
    if (!input.email && !input.phone) throw badRequest("Pass at least one of email, phone in the body");
    if (createNewIfDuplicateAllowed && location.allowDuplicateContact) {
      return { body: { new: true, contact: contactView(insertContact(sb, location, input)), traceId } };
    }
    // Matches by the location's priority; the second identifier of another contact is ignored (GHL issue #37).
    const dup = findDuplicate(sb.store.contactsOf(location.id), location.duplicatePriority, input.email, input.phone);
    if (!dup) return { body: { new: true, contact: contactView(insertContact(sb, location, input)), traceId } };
    const patch = { ...input };
    if (dup.field === "email" && input.phone && findDuplicate(sb.store.contactsOf(location.id).filter((c) => c.id !== dup.contact.id), ["phone"], null, input.phone)) {
      delete patch.phone;
    }
    const updated = updateContact(sb, dup.contact, patch);
    return { body: { new: false, contact: contactView(updated), traceId } };
  }));

  r.add("GET", "/contacts/search/duplicate", apiRoute("get-duplicate-contact", ({ sb, location, query }) => {
    const email = query.email as string | undefined;
    const number = query.number as string | undefined;
    if (!email && !number) throw badRequest("Pass at least one of number, email query parameter");
    const dup = findDuplicate(sb.store.contactsOf(location.id), ["email", "phone"], email, number);
    return { body: { contact: dup ? contactView(dup.contact) : null } };
  }));

  r.add("GET", "/contacts/business/:businessId", apiRoute("get-contacts-by-businessId", ({ sb, ctx, location, query }) => {
    const limit = Number(query.limit ?? 25);
    const skip = Number(query.skip ?? 0);
    const text = (query.query as string | undefined)?.toLowerCase();
    const all = sb.store
      .contactsOf(location.id)
      .filter((c) => c.businessId === ctx.params.businessId)
      .filter((c) => !text || [c.name, c.email, c.phone].some((v) => v?.toLowerCase().includes(text)))
      .sort((a, b) => a.dateAdded.localeCompare(b.dateAdded) || a.id.localeCompare(b.id));
    return { body: { contacts: all.slice(skip, skip + limit).map(contactView), count: all.length } };
  }));
}
