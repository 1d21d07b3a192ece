import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";
import { z } from "zod";
import { TransformError } from "../errors";
import { asText, defineTransform, describeValue } from "./define";

export const phoneE164 = defineTransform({
  key: "phone.e164",
  label: "Phone to E.164",
  description: "Normalizes a phone number to +15551234567 form; numbers without a country code use the default country.",
  category: "text",
  params: z.object({
    defaultCountry: z
      .string()
      .regex(/^[A-Z]{2}$/, "Two-letter country code, e.g. US")
      .default("US")
      .describe("Country assumed when the number has no +country code"),
    strict: z.boolean().default(false).describe("Reject numbers that are the right length but not assigned in that country"),
  }),
  inputType: "string",
  outputType: "string",
  apply: (value, { defaultCountry, strict }) => {
    const text = asText(value, "a phone number");
    const phone = parsePhoneNumberFromString(text, defaultCountry as CountryCode);
    if (!phone || !phone.isPossible() || (strict && !phone.isValid())) {
      throw new TransformError(`could not parse ${describeValue(text)} as a phone number`);
    }
    return phone.number;
  },
});

export const numberParse = defineTransform({
  key: "number.parse",
  label: "Read a number",
  description: 'Reads numbers written with currency signs, thousands separators or spaces: "1,234.50", "$12", "(5)".',
  category: "number",
  params: z.object({
    decimalSeparator: z.enum([".", ","]).default(".").describe('"," for 1.234,50 style numbers'),
  }),
  inputType: "string",
  outputType: "number",
  apply: (value, { decimalSeparator }) => {
    if (typeof value === "number") return value;
    const text = asText(value, "a number").trim();
    const negative = /^\(.*\)$/.test(text) || /^-|^[^\d]*-/.test(text);
    const thousands = decimalSeparator === "." ? /,/g : /\./g;
    const cleaned = text
      .replace(/^\((.*)\)$/, "$1")
      .replace(/[\s'\u00a0]/g, "")
      .replace(thousands, "")
      .replace(decimalSeparator, ".")
      .replace(/^[^\d.]*?(?=[\d.])/, "")
      .replace(/[^\d.]+$/, "");
    if (!/^\d*\.?\d+$|^\d+\.$/.test(cleaned)) throw new TransformError(`could not parse ${describeValue(value)} as a number`);
    const n = Number(cleaned);
    return negative ? -n : n;
  },
});

const TRUE_WORDS = new Set(["true", "yes", "y", "1", "on", "checked"]);
const FALSE_WORDS = new Set(["false", "no", "n", "0", "off", "unchecked", ""]);

export function toBoolean(value: unknown): boolean | undefined {
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value === 1 ? true : value === 0 ? false : undefined;
  if (typeof value !== "string") return undefined;
  const word = value.trim().toLowerCase();
  return TRUE_WORDS.has(word) ? true : FALSE_WORDS.has(word) ? false : undefined;
}

export const booleanParse = defineTransform({
  key: "boolean.parse",
  label: "Yes/no to true/false",
  description: "Reads yes/no, true/false, 1/0, on/off, checked/unchecked (any case) as a boolean.",
  category: "logic",
  params: z.object({}),
  inputType: "any",
  outputType: "boolean",
  apply: (value) => {
    const result = toBoolean(value);
    if (result === undefined) throw new TransformError(`could not read ${describeValue(value)} as yes/no`);
    return result;
  },
});
