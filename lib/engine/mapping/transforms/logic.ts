import { z } from "zod";
import { TransformError } from "../errors";
import { getPath, isValidPath } from "../path";
import { asText, defineTransform, describeValue, isEmptyValue } from "./define";

export const defaultValue = defineTransform({
  key: "default",
  label: "Default value when empty",
  description: "Uses another value (fixed or from another step) when the input is missing, empty text or an empty list.",
  category: "logic",
  params: z.object({ value: z.unknown().describe("Value to use when the input is empty") }),
  mappingParams: ["value"],
  inputType: "any",
  outputType: "same",
  acceptsEmpty: true,
  apply: (input, { value }) => (isEmptyValue(input) ? value : input),
});

export const lookupTable = defineTransform({
  key: "lookup",
  label: "Lookup table",
  description: 'Maps values to other values, e.g. GHL stage "won" → Details status "Booked", with a fallback.',
  category: "logic",
  params: z.object({
    entries: z
      .array(z.object({ from: z.string().describe("Input value"), to: z.unknown().describe("Output value") }))
      .describe("Rows checked in order; the first match wins"),
    ignoreCase: z.boolean().default(true).describe("Match regardless of upper/lower case and surrounding spaces"),
    fallback: z
      .enum(["keep", "value", "empty", "error"])
      .default("keep")
      .describe("When nothing matches: keep the input, use the fallback value, give empty, or fail the step"),
    fallbackValue: z.unknown().optional().describe("Used when fallback is 'value'"),
  }),
  inputType: "any",
  outputType: "any",
  apply: (value, { entries, ignoreCase, fallback, fallbackValue }) => {
    const key = asText(value, "a value to look up");
    const normalize = (text: string) => (ignoreCase ? text.trim().toLowerCase() : text);
    const hit = entries.find((entry) => normalize(entry.from) === normalize(key));
    if (hit) return hit.to;
    if (fallback === "value") return fallbackValue;
    if (fallback === "empty") return null;
    if (fallback === "error") throw new TransformError(`no lookup row matches ${describeValue(value)}`);
    return value;
  },
});

const pathParam = z.string().refine(isValidPath, "Invalid path, e.g. items[0].name");

export const listPick = defineTransform({
  key: "list.pick",
  label: "Pick from list",
  description: "Takes the first, last or n-th item of a list, or joins all items into text.",
  category: "list",
  params: z.object({
    mode: z.enum(["first", "last", "index", "join"]).default("first").describe("Which item, or join them all"),
    index: z.number().int().default(0).describe("Position for 'index' mode, 0 = first; negative counts from the end"),
    separator: z.string().default(", ").describe("Text between items for 'join' mode"),
    field: pathParam.optional().describe("Path inside each item, e.g. name for a list of tags objects"),
  }),
  inputType: "array",
  outputType: "any",
  apply: (value, { mode, index, separator, field }) => {
    const items = (Array.isArray(value) ? value : [value]).map((item) => (field ? getPath(item, field) : item));
    if (mode === "join") return items.filter((item) => !isEmptyValue(item)).map((item) => asText(item, "text items")).join(separator);
    if (items.length === 0) return undefined;
    const at = mode === "first" ? 0 : mode === "last" ? items.length - 1 : index < 0 ? items.length + index : index;
    return items[at];
  },
});

export const jsonPick = defineTransform({
  key: "json.pick",
  label: "Pick by path",
  description: "Reads one field out of an object or JSON text, e.g. customFields[0].value.",
  category: "list",
  params: z.object({
    path: pathParam.describe("Path inside the value"),
    required: z.boolean().default(false).describe("Fail the step when the path is missing"),
  }),
  inputType: "any",
  outputType: "any",
  apply: (value, { path, required }) => {
    let source = value;
    if (typeof value === "string") {
      try {
        source = JSON.parse(value);
      } catch {
        throw new TransformError(`expected JSON text but got ${describeValue(value)}`);
      }
    }
    const result = getPath(source, path);
    if (result === undefined && required) throw new TransformError(`the value has no field "${path}"`);
    return result;
  },
});
