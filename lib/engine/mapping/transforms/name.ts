import { z } from "zod";
import { TransformError } from "../errors";
import { asText, defineTransform, describeValue } from "./define";

const PREFIXES = new Set(["mr", "mrs", "ms", "miss", "mx", "dr", "prof", "rev", "sir", "dame", "fr", "hon", "capt", "sgt", "lt", "col"]);
const SUFFIXES = new Set(["jr", "sr", "ii", "iii", "iv", "phd", "md", "dds", "dvm", "esq", "cpa", "rn", "mba"]);
const PARTICLES = new Set(["van", "von", "der", "den", "de", "del", "della", "da", "di", "du", "dos", "das", "la", "le", "ter", "ten", "bin", "ibn", "al", "st", "st."]);

const bare = (token: string) => token.toLowerCase().replace(/[.,]/g, "");

/**
 * Splits a full name the way a person would: titles dropped, generational suffixes kept
 * with the family name, surname particles (van der, de la) kept with the family name,
 * and "Berg, Jane" read as family-name-first.
 */
export function splitName(fullName: string): { first: string; last: string } {
  const text = fullName.replace(/\s+/g, " ").trim();
  if (text === "") return { first: "", last: "" };
  const commaParts = text.split(",").map((part) => part.trim()).filter(Boolean);
  const afterComma = commaParts.slice(1);
  if (afterComma.length > 0 && !afterComma.every((part) => part.split(" ").every((t) => SUFFIXES.has(bare(t))))) {
    const given = splitName(afterComma.join(" "));
    return { first: [given.first, given.last].filter(Boolean).join(" "), last: commaParts[0] };
  }
  const suffixText = afterComma.join(" ");
  const tokens = commaParts[0].split(" ");
  let hadPrefix = false;
  while (tokens.length > 1 && PREFIXES.has(bare(tokens[0]))) {
    tokens.shift();
    hadPrefix = true;
  }
  const suffixes: string[] = suffixText ? [suffixText] : [];
  while (tokens.length > 1 && SUFFIXES.has(bare(tokens[tokens.length - 1]))) suffixes.unshift(tokens.pop() ?? "");
  if (tokens.length === 1) {
    return hadPrefix ? { first: "", last: [tokens[0], ...suffixes].join(" ") } : { first: tokens[0], last: suffixes.join(" ") };
  }
  let lastStart = tokens.length - 1;
  while (lastStart > 1 && PARTICLES.has(tokens[lastStart - 1].toLowerCase())) lastStart--;
  return {
    first: tokens.slice(0, lastStart).join(" "),
    last: [...tokens.slice(lastStart), ...suffixes].join(" "),
  };
}

export const firstName = defineTransform({
  key: "name.first",
  label: "First name from full name",
  description: 'Takes the first name out of a full name, e.g. "Dr. Jane van der Berg" → "Jane".',
  category: "name",
  params: z.object({}),
  inputType: "string",
  outputType: "string",
  apply: (value) => splitName(asText(value, "a name")).first,
});

export const lastName = defineTransform({
  key: "name.last",
  label: "Last name from full name",
  description: 'Takes the last name out of a full name, e.g. "Dr. Jane van der Berg" → "van der Berg".',
  category: "name",
  params: z.object({}),
  inputType: "string",
  outputType: "string",
  apply: (value) => splitName(asText(value, "a name")).last,
});

const FIRST_KEYS = ["firstName", "first_name", "first", "givenName"];
const LAST_KEYS = ["lastName", "last_name", "last", "familyName"];

export const joinName = defineTransform({
  key: "name.join",
  label: "Full name from first + last",
  description: "Joins a first and a last name with one space, skipping empty parts.",
  category: "name",
  params: z.object({
    last: z.unknown().optional().describe("Last name; leave empty when the input is a list or a contact"),
  }),
  mappingParams: ["last"],
  inputType: "any",
  outputType: "string",
  acceptsEmpty: true,
  apply: (value, { last }) => {
    let parts: unknown[];
    if (last !== undefined) parts = [value, last];
    else if (Array.isArray(value)) parts = value;
    else if (value !== null && typeof value === "object") {
      const record = value as Record<string, unknown>;
      parts = [FIRST_KEYS.map((k) => record[k]).find((v) => v != null), LAST_KEYS.map((k) => record[k]).find((v) => v != null)];
    } else parts = [value];
    for (const part of parts) {
      if (part != null && typeof part === "object") throw new TransformError(`expected name parts as text but got ${describeValue(part)}`);
    }
    return parts
      .filter((part) => part != null)
      .map((part) => asText(part).replace(/\s+/g, " ").trim())
      .filter(Boolean)
      .join(" ");
  },
});
