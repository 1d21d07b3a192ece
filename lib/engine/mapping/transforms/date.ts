import { z } from "zod";
import { TransformError } from "../errors";
import { DATE_INPUT_FORMATS, formatDate, parseDate } from "./date-core";

const timeZone = z.string().min(1).default("UTC").describe("IANA time zone, e.g. America/New_York");
const inputFormat = z
  .enum(DATE_INPUT_FORMATS)
  .default("auto")
  .describe("How the input is written: auto, iso, MM/DD/YYYY, DD/MM/YYYY, unix_s (seconds) or unix_ms (milliseconds)");

export const dateParse = defineDate({
  key: "date.parse",
  label: "Read a date",
  description: "Reads a date in a known format and gives an ISO-8601 timestamp (UTC). Dates without a time zone are read in the chosen zone.",
  params: z.object({ format: inputFormat, timeZone }),
  apply: (value, { format, timeZone: zone }) => parseDate(value, format, zone).toISOString(),
});

export const dateFormat = defineDate({
  key: "date.format",
  label: "Format a date",
  description: "Writes a date in a pattern (YYYY-MM-DD, MM/DD/YYYY h:mm A, ...) or a preset (iso, date, us_date, long) in a time zone.",
  params: z.object({
    format: z.string().min(1).default("iso").describe("Pattern with YYYY MM DD HH mm ss A Z tokens, text in [brackets], or a preset name"),
    timeZone,
    inputFormat,
  }),
  outputType: "string",
  apply: (value, { format, timeZone: zone, inputFormat: from }) => formatDate(parseDate(value, from, zone), format, zone),
});

function defineDate<P extends z.ZodType>(definition: {
  key: string;
  label: string;
  description: string;
  params: P;
  outputType?: "string";
  apply: (value: unknown, params: z.output<P>) => unknown;
}) {
  return {
    ...definition,
    category: "date" as const,
    inputType: "any" as const,
    outputType: definition.outputType ?? ("datetime" as const),
    apply(value: unknown, params: z.output<P>) {
      if (typeof value === "string" && value.trim() === "") throw new TransformError("expected a date but got empty text");
      return definition.apply(value, params);
    },
  };
}
