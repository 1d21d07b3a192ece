import { z } from "zod";
import { asText, defineTransform } from "./define";

export const trim = defineTransform({
  key: "text.trim",
  label: "Trim spaces",
  description: "Removes spaces at both ends; optionally collapses runs of spaces inside.",
  category: "text",
  params: z.object({
    collapse: z.boolean().default(false).describe("Also turn inner runs of whitespace into one space"),
  }),
  inputType: "string",
  outputType: "string",
  apply: (value, { collapse }) => {
    const text = asText(value).trim();
    return collapse ? text.replace(/\s+/g, " ") : text;
  },
});

export const lower = defineTransform({
  key: "text.lower",
  label: "Lowercase",
  description: "Converts text to lowercase, e.g. for email addresses.",
  category: "text",
  params: z.object({}),
  inputType: "string",
  outputType: "string",
  apply: (value) => asText(value).toLowerCase(),
});

export const upper = defineTransform({
  key: "text.upper",
  label: "Uppercase",
  description: "Converts text to uppercase.",
  category: "text",
  params: z.object({}),
  inputType: "string",
  outputType: "string",
  apply: (value) => asText(value).toUpperCase(),
});
