/** Normalises match keys before they reach Details Flowers: emails lower-cased, phones E.164. */
import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";
import { z } from "zod";
import { FatalError } from "../errors";

const blank = (value: string | null | undefined) => value === undefined || (typeof value === "string" && value.trim() === "");

/** `undefined` leaves the stored value alone, `null` clears it, blank strings count as absent. */
export function normalizeEmail(value: string | null | undefined): string | null | undefined {
  if (value === null) return null;
  if (blank(value)) return undefined;
  const email = String(value).trim().toLowerCase();
  if (!z.email().safeParse(email).success) throw new FatalError(`email: "${value}" is not a valid email address.`);
  return email;
}

export function normalizePhone(value: string | null | undefined, defaultCountry: string = "US"): string | null | undefined {
  if (value === null) return null;
  if (blank(value)) return undefined;
  const parsed = parsePhoneNumberFromString(String(value).trim(), defaultCountry.toUpperCase() as CountryCode);
  // isPossible (length) rather than isValid (number plan): test and new-range numbers must still pass.
  if (!parsed || !parsed.isPossible()) {
    throw new FatalError(`phone: "${value}" is not a phone number that can be written in E.164 (default country ${defaultCountry}).`);
  }
  return parsed.number;
}

export function normalizeTags(tags: readonly string[] | undefined): string[] | undefined {
  if (!tags) return undefined;
  return [...new Set(tags.map((t) => t.trim()).filter(Boolean))];
}

export const blankToUndefined = (value: string | null | undefined) => (blank(value) ? undefined : value);
