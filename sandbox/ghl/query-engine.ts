import { contactView, normalizePhone } from "./contact-model";
import type { ContactRecord } from "./types";

export interface FilterItem {
  field?: string;
  operator?: string;
  value?: unknown;
  group?: "AND" | "OR";
  filters?: FilterItem[];
}

export interface SortItem {
  field: string;
  direction: "asc" | "desc";
}

const DATE_FIELDS = new Set(["dateAdded", "dateUpdated", "dateOfBirth", "lastActivity"]);

function fieldValue(c: ContactRecord, field: string): unknown {
  if (field.startsWith("customFields.")) {
    const id = field.slice("customFields.".length);
    return c.customFields.find((f) => f.id === id)?.value;
  }
  const v = contactView(c)[field];
  if (DATE_FIELDS.has(field) && typeof v === "string") return Date.parse(v);
  return v;
}

function asComparable(field: string, v: unknown): unknown {
  if (DATE_FIELDS.has(field) && typeof v === "string" && Number.isNaN(Number(v))) return Date.parse(v);
  if (field === "phone" && typeof v === "string") return normalizePhone(v);
  return typeof v === "string" ? v.toLowerCase() : v;
}

function equals(field: string, actual: unknown, expected: unknown): boolean {
  if (Array.isArray(expected)) return expected.some((e) => equals(field, actual, e));
  const want = asComparable(field, expected);
  if (Array.isArray(actual)) return actual.some((a) => asComparable(field, a) === want);
  return asComparable(field, actual) === want;
}

function contains(actual: unknown, expected: unknown): boolean {
  const needle = String(expected ?? "").toLowerCase();
  if (Array.isArray(actual)) return actual.some((a) => String(a).toLowerCase().includes(needle));
  return actual !== undefined && actual !== null && String(actual).toLowerCase().includes(needle);
}

function inRange(field: string, actual: unknown, range: unknown): boolean {
  if (typeof actual !== "number" || !range || typeof range !== "object") return false;
  const r = range as Record<string, unknown>;
  const n = (v: unknown) => asComparable(field, v) as number;
  return (
    (r.gte === undefined || actual >= n(r.gte)) &&
    (r.gt === undefined || actual > n(r.gt)) &&
    (r.lte === undefined || actual <= n(r.lte)) &&
    (r.lt === undefined || actual < n(r.lt))
  );
}

export function matches(c: ContactRecord, f: FilterItem): boolean {
  if (f.group) {
    const results = (f.filters ?? []).map((x) => matches(c, x));
    return f.group === "OR" ? results.some(Boolean) : results.every(Boolean);
  }
  const field = f.field ?? "";
  const actual = fieldValue(c, field);
  const present = actual !== undefined && actual !== null && actual !== "" && !(Array.isArray(actual) && !actual.length);
  switch (f.operator) {
    case "eq": return equals(field, actual, f.value);
    case "not_eq": return !equals(field, actual, f.value);
    case "contains": return contains(actual, f.value);
    case "not_contains": return !contains(actual, f.value);
    case "exists": return present;
    case "not_exists": return !present;
    case "range": return inRange(field, actual, f.value);
    default: return false;
  }
}

export function matchesText(c: ContactRecord, text: string | undefined): boolean {
  if (!text) return true;
  const q = text.toLowerCase();
  return [c.name, c.email, c.phone, c.companyName].some((v) => v?.toLowerCase().includes(q));
}

export function sortKey(c: ContactRecord, sort: SortItem[]): unknown[] {
  return [...sort.map((s) => fieldValue(c, s.field) ?? null), c.id];
}

function cmp(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a).toLowerCase() < String(b).toLowerCase() ? -1 : String(a).toLowerCase() > String(b).toLowerCase() ? 1 : 0;
}

/** Compares two sort keys; the trailing id keeps the order total, so cursors are stable. */
export function compareKeys(a: unknown[], b: unknown[], sort: SortItem[]): number {
  for (let i = 0; i < a.length; i++) {
    const dir = i < sort.length && sort[i].direction === "desc" ? -1 : 1;
    const c = cmp(a[i], b[i]) * (i < sort.length ? dir : 1);
    if (c !== 0) return c;
  }
  return 0;
}

export function sortContacts(contacts: ContactRecord[], sort: SortItem[]) {
  return contacts
    .map((c) => ({ c, key: sortKey(c, sort) }))
    .sort((x, y) => compareKeys(x.key, y.key, sort));
}
