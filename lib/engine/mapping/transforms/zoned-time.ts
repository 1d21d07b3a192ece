/**
 * Wall-clock ↔ instant conversion for IANA time zones through Intl only. DST gaps resolve
 * forward and overlaps to the earlier instant, as Temporal's "compatible" mode does.
 */
import { TransformError } from "../errors";

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat("en-US", {
        timeZone,
        hourCycle: "h23",
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
        second: "2-digit",
        weekday: "long",
      });
    } catch {
      throw new TransformError(`unknown time zone "${timeZone}"`);
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function assertTimeZone(timeZone: string): void {
  formatterFor(timeZone);
}

export type WallClock = {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  weekday: string;
};

export function wallClock(instant: number, timeZone: string): WallClock {
  const parts = formatterFor(timeZone).formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "0";
  return {
    year: Number(get("year")),
    month: Number(get("month")),
    day: Number(get("day")),
    hour: Number(get("hour")) % 24,
    minute: Number(get("minute")),
    second: Number(get("second")),
    millisecond: ((instant % 1000) + 1000) % 1000,
    weekday: get("weekday"),
  };
}

/** Minutes east of UTC in `timeZone` at `instant`. */
export function offsetMinutes(instant: number, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond);
  return Math.round((asUtc - instant) / 60_000);
}

const DAY = 86_400_000;

export function zonedToInstant(w: Omit<WallClock, "weekday">, timeZone: string): number {
  const wall = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond);
  const before = offsetMinutes(wall - DAY, timeZone);
  const after = offsetMinutes(wall + DAY, timeZone);
  const valid = [before, after]
    .map((offset) => wall - offset * 60_000)
    .filter((instant) => {
      const back = wallClock(instant, timeZone);
      return Date.UTC(back.year, back.month - 1, back.day, back.hour, back.minute, back.second, back.millisecond) === wall;
    });
  if (valid.length > 0) return Math.min(...valid);
  return wall - before * 60_000;
}
