import { unprocessable } from "./http";
import type { ContactRecord, DndChannel, DndSetting, DuplicateField, LocationRecord } from "./types";

/** GHL stores tags trimmed and lower-cased, without duplicates. */
export function normalizeTags(tags: string[]): string[] {
  const out: string[] = [];
  for (const t of tags) {
    const v = t.trim().toLowerCase();
    if (v && !out.includes(v)) out.push(v);
  }
  return out;
}

/** Loose E.164 normalisation: US 10-digit numbers get +1, everything else keeps its digits. */
export function normalizePhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const digits = phone.replace(/\D/g, "");
  if (!digits) return null;
  if (phone.trim().startsWith("+")) return `+${digits}`;
  if (digits.length === 10) return `+1${digits}`;
  return `+${digits}`;
}

const DOB_PATTERNS: [RegExp, (m: RegExpMatchArray) => [string, string, string]][] = [
  [/^(\d{4})[/\-._](\d{1,2})[/\-._](\d{1,2})$/, (m) => [m[1], m[2], m[3]]],
  [/^(\d{1,2})[/\-._](\d{1,2})[/\-._](\d{4})$/, (m) => [m[3], m[1], m[2]]],
];

/** Accepts the eight formats listed in the spec (plus full ISO datetimes) → ISO at UTC midnight. */
export function parseDateOfBirth(value: unknown): string | null {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "string") {
    const iso = /^\d{4}-\d{2}-\d{2}T/.test(value) ? value.slice(0, 10) : null;
    for (const [re, pick] of DOB_PATTERNS) {
      const m = (iso ?? value).match(re);
      if (!m) continue;
      const [y, mo, d] = pick(m);
      const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
      if (!Number.isNaN(date.getTime()) && date.getUTCDate() === Number(d)) return date.toISOString();
    }
  }
  throw unprocessable(["dateOfBirth must be a valid date"]);
}

interface CustomFieldInput {
  id?: string;
  key?: string;
  field_value?: unknown;
  fieldValue?: unknown;
  value?: unknown;
}

/** Merges `{id|key, field_value|fieldValue}` inputs into `{id, value}`; unknown fields are ignored like GHL. */
export function mergeCustomFields(loc: LocationRecord, current: ContactRecord["customFields"], input: CustomFieldInput[]) {
  const out = current.map((f) => ({ ...f }));
  for (const item of input) {
    const key = item.key?.replace(/^contact\./, "");
    const def = loc.customFields.find((d) => d.id === item.id || (key !== undefined && d.fieldKey === `contact.${key}`));
    if (!def) continue;
    const value = item.fieldValue ?? item.field_value ?? item.value;
    const idx = out.findIndex((f) => f.id === def.id);
    const empty = value === null || value === undefined || value === "" || (Array.isArray(value) && !value.length);
    if (empty) {
      if (idx >= 0) out.splice(idx, 1);
    } else if (idx >= 0) out[idx].value = value;
    else out.push({ id: def.id, value });
  }
  return out;
}

const NULLABLE_STRINGS = [
  "firstName", "lastName", "companyName", "address1", "city", "state", "postalCode",
  "country", "website", "timezone", "source", "assignedTo", "gender",
] as const;

export type ContactInput = Record<string, unknown>;

/** Applies a validated create/update/upsert body to a record. Tags replace the list (spec). */
export function applyContactInput(c: ContactRecord, input: ContactInput, loc: LocationRecord) {
  for (const k of NULLABLE_STRINGS) if (k in input) (c as unknown as Record<string, unknown>)[k] = (input[k] as string | null) || null;
  if ("email" in input) c.email = (input.email as string | null) || null;
  if ("phone" in input) c.phone = normalizePhone(input.phone as string | null);
  if ("dnd" in input) c.dnd = Boolean(input.dnd);
  if (input.dndSettings) c.dndSettings = { ...c.dndSettings, ...(input.dndSettings as Record<DndChannel, DndSetting>) };
  if (input.inboundDndSettings) c.inboundDndSettings = input.inboundDndSettings as ContactRecord["inboundDndSettings"];
  if (Array.isArray(input.tags)) c.tags = normalizeTags(input.tags as string[]);
  if (Array.isArray(input.customFields)) c.customFields = mergeCustomFields(loc, c.customFields, input.customFields as CustomFieldInput[]);
  if ("dateOfBirth" in input) c.dateOfBirth = parseDateOfBirth(input.dateOfBirth);
  if ("name" in input && input.name && !("firstName" in input) && !("lastName" in input)) {
    const [first, ...rest] = String(input.name).trim().split(/\s+/);
    c.firstName = first || null;
    c.lastName = rest.join(" ") || null;
  }
  c.name = [c.firstName, c.lastName].filter(Boolean).join(" ") || (input.name as string) || null;
}

export function blankContact(id: string, locationId: string, now: string): ContactRecord {
  return {
    id, locationId, firstName: null, lastName: null, name: null, email: null, phone: null,
    companyName: null, address1: null, city: null, state: null, postalCode: null, country: null,
    website: null, timezone: null, dnd: false, dndSettings: {}, type: "lead", source: null,
    assignedTo: null, tags: [], customFields: [], dateOfBirth: null, businessId: null,
    followers: [], campaigns: [], workflows: [], dateAdded: now, dateUpdated: now,
  };
}

export function findDuplicate(
  contacts: ContactRecord[],
  priority: DuplicateField[],
  email: string | null | undefined,
  phone: string | null | undefined,
): { contact: ContactRecord; field: DuplicateField } | null {
  const wantEmail = email?.trim().toLowerCase();
  const wantPhone = normalizePhone(phone);
  for (const field of priority) {
    const hit =
      field === "email"
        ? wantEmail && contacts.find((c) => c.email?.toLowerCase() === wantEmail)
        : wantPhone && contacts.find((c) => c.phone === wantPhone);
    if (hit) return { contact: hit, field };
  }
  return null;
}

function compact<T extends Record<string, unknown>>(obj: T): Partial<T> {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== null && v !== undefined)) as Partial<T>;
}

/** `GetContectByIdSchema` shape (nulls omitted, derived lower-case fields filled in). */
export function contactView(c: ContactRecord): Record<string, unknown> {
  const { campaigns: _c, workflows: _w, gender: _g, inboundDndSettings: _i, ...rest } = c;
  return compact({
    ...rest,
    emailLowerCase: c.email?.toLowerCase() ?? null,
    firstNameLowerCase: c.firstName?.toLowerCase() ?? null,
    lastNameLowerCase: c.lastName?.toLowerCase() ?? null,
    fullNameLowerCase: c.name?.toLowerCase() ?? null,
  });
}

/** `CreateContactSchema` adds a few create-only flags. */
export function createdContactView(c: ContactRecord): Record<string, unknown> {
  return { ...contactView(c), deleted: false, bounceEmail: false, unsubscribeEmail: false };
}
