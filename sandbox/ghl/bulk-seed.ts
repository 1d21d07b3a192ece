/**
 * Many contacts at once, each with tasks and notes, for backfill tests and benchmarks. Goes
 * through the same services as the API (store, search index, webhooks), minus HTTP.
 */
import { createNote, createTask } from "./activity-service";
import type { Sandbox } from "./context";
import { insertContact } from "./contact-service";
import type { ContactRecord } from "./types";

export type BulkSeedOptions = { locationId: string; count: number; tasksPerContact?: number; notesPerContact?: number; tag?: string };

// Phones must differ across calls too: the sandbox (like GHL) matches duplicates on phone.
let phoneSerial = 0;

export function seedContacts(sb: Sandbox, options: BulkSeedOptions): ContactRecord[] {
  const location = sb.store.location(options.locationId);
  if (!location) throw new Error(`unknown sandbox location ${options.locationId}`);
  const tag = options.tag ?? `bulk-${Date.now().toString(36)}`;
  const contacts: ContactRecord[] = [];
  for (let i = 0; i < options.count; i++) {
    const contact = insertContact(sb, location, {
      firstName: `Bulk${i}`,
      lastName: tag,
      email: `bulk${i}.${tag}@example.com`,
      phone: `+1206${String(2_000_000 + (phoneSerial++ % 8_000_000)).padStart(7, "0")}`,
      tags: [tag],
    });
    for (let t = 0; t < (options.tasksPerContact ?? 1); t++) createTask(sb, contact, { title: `Task ${t + 1} for ${contact.firstName}`, dueDate: "2026-12-24T10:00:00.000Z" });
    for (let n = 0; n < (options.notesPerContact ?? 1); n++) createNote(sb, contact, { body: `Note ${n + 1}: prefers peonies` });
    contacts.push(contact);
  }
  return contacts;
}
