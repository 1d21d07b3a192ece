/** Date parsing and formatting with explicit formats and IANA zones; no date library. */
import { TransformError } from "../errors";
import { describeValue } from "./define";
import { assertTimeZone, offsetMinutes, wallClock, zonedToInstant } from "./zoned-time";

export const DATE_INPUT_FORMATS = ["auto", "iso", "MM/DD/YYYY", "DD/MM/YYYY", "unix_s", "unix_ms"] as const;
export type DateInputFormat = (typeof DATE_INPUT_FORMATS)[number];

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const SLASHED = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?)?$/i;

/** Parses `value` as an instant; texts without an offset are read in `timeZone`. */
export function parseDate(value: unknown, format: DateInputFormat, timeZone: string): Date {
  assertTimeZone(timeZone);
  const fail = (): never => {
    throw new TransformError(`could not parse ${describeValue(value)} as a date${format === "auto" ? "" : ` (${format})`}`);
  };
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? fail() : value;
  if (format === "unix_s" || format === "unix_ms" || (format === "auto" && typeof value === "number")) {
    const n = typeof value === "number" ? value : typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : NaN;
    if (!Number.isFinite(n)) return fail();
    const seconds = format === "unix_s" || (format === "auto" && Math.abs(n) < 1e11);
    return new Date(seconds ? n * 1000 : n);
  }
  if (typeof value !== "string") return fail();
  const text = value.trim();
  if (format === "iso" || format === "auto") {
    const date = parseIso(text, timeZone);
    if (date) return date;
    if (format === "iso") return fail();
  }
  if (format === "auto" && /^\d{9,13}$/.test(text)) return parseDate(Number(text), "auto", timeZone);
  return parseSlashed(text, format === "DD/MM/YYYY" ? "DMY" : "MDY", timeZone) ?? fail();
}

function parseIso(text: string, timeZone: string): Date | null {
  const m = ISO.exec(text);
  if (!m) return null;
  const [, y, mo, d, h = "0", mi = "0", s = "0", frac = "0", offset] = m;
  const fields = { year: +y, month: +mo, day: +d, hour: +h, minute: +mi, second: +s, millisecond: Math.round(Number(`0.${frac}`) * 1000) };
  if (!isRealDate(fields)) return null;
  if (!offset) return new Date(zonedToInstant(fields, timeZone));
  const wall = Date.UTC(fields.year, fields.month - 1, fields.day, fields.hour, fields.minute, fields.second, fields.millisecond);
  if (offset.toUpperCase() === "Z") return new Date(wall);
  const sign = offset.startsWith("-") ? -1 : 1;
  const digits = offset.slice(1).replace(":", "");
  return new Date(wall - sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000);
}

function parseSlashed(text: string, order: "MDY" | "DMY", timeZone: string): Date | null {
  const m = SLASHED.exec(text);
  if (!m) return null;
  const [, a, b, y, h = "0", mi = "0", s = "0", meridiem] = m;
  let hour = Number(h);
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem.toLowerCase().startsWith("p") ? 12 : 0);
  }
  const fields = {
    year: +y,
    month: order === "MDY" ? +a : +b,
    day: order === "MDY" ? +b : +a,
    hour,
    minute: +mi,
    second: +s,
    millisecond: 0,
  };
  return isRealDate(fields) ? new Date(zonedToInstant(fields, timeZone)) : null;
}

function isRealDate(f: { year: number; month: number; day: number; hour: number; minute: number; second: number }): boolean {
  if (f.month < 1 || f.month > 12 || f.day < 1 || f.hour > 23 || f.minute > 59 || f.second > 59) return false;
  return new Date(Date.UTC(f.year, f.month - 1, f.day)).getUTCDate() === f.day;
}

export const DATE_FORMAT_PRESETS: Record<string, string> = {
  iso: "YYYY-MM-DD[T]HH:mm:ssZ",
  date: "YYYY-MM-DD",
  us_date: "MM/DD/YYYY",
  eu_date: "DD/MM/YYYY",
  us_datetime: "MM/DD/YYYY h:mm A",
  long: "dddd, MMMM D, YYYY",
};

const TOKENS = /\[([^\]]*)]|YYYY|YY|MMMM|MMM|MM|M|DD|D|dddd|ddd|HH|H|hh|h|mm|ss|SSS|A|a|ZZ|Z/g;

/** Formats with moment-style tokens (YYYY MM DD HH mm ss A Z ...), text in [brackets]. */
export function formatDate(date: Date, pattern: string, timeZone: string): string {
  const instant = date.getTime();
  const w = wallClock(instant, timeZone);
  const offset = offsetMinutes(instant, timeZone);
  const pad = (n: number, size = 2) => String(n).padStart(size, "0");
  const monthName = new Date(Date.UTC(2000, w.month - 1, 1)).toLocaleString("en-US", { month: "long", timeZone: "UTC" });
  const hour12 = w.hour % 12 === 0 ? 12 : w.hour % 12;
  const offsetText = (sep: string) => {
    const abs = Math.abs(offset);
    return `${offset < 0 ? "-" : "+"}${pad(Math.floor(abs / 60))}${sep}${pad(abs % 60)}`;
  };
  const values: Record<string, string> = {
    YYYY: String(w.year),
    YY: pad(w.year % 100),
    MMMM: monthName,
    MMM: monthName.slice(0, 3),
    MM: pad(w.month),
    M: String(w.month),
    DD: pad(w.day),
    D: String(w.day),
    dddd: w.weekday,
    ddd: w.weekday.slice(0, 3),
    HH: pad(w.hour),
    H: String(w.hour),
    hh: pad(hour12),
    h: String(hour12),
    mm: pad(w.minute),
    ss: pad(w.second),
    SSS: pad(w.millisecond, 3),
    A: w.hour < 12 ? "AM" : "PM",
    a: w.hour < 12 ? "am" : "pm",
    Z: offsetText(":"),
    ZZ: offsetText(""),
  };
  const resolved = DATE_FORMAT_PRESETS[pattern] ?? pattern;
  return resolved.replace(TOKENS, (token, escaped: string | undefined) => escaped ?? values[token]);
}
