/** Shared state of one schema form: the flat `inputs` map (input path → mapping). */
import { createContext, useContext } from "react";
import type { JsonSchema } from "@/lib/engine/graph";
import type { Mapping } from "@/lib/engine/mapping";

export type FormValues = Record<string, Mapping>;

export type SchemaFormState = {
  values: FormValues;
  /** Sets or clears one input path. */
  setValue(path: string, value: Mapping | undefined): void;
  /** Replaces every input under `prefix` (used when array items are removed and re-indexed). */
  replaceUnder(prefix: string, entries: FormValues): void;
  /** Validation messages for an input path. */
  issuesAt(path: string): string[];
  readOnly: boolean;
  root: JsonSchema;
};

export const SchemaFormContext = createContext<SchemaFormState | null>(null);

export function useSchemaForm(): SchemaFormState {
  const state = useContext(SchemaFormContext);
  if (!state) throw new Error("useSchemaForm must be used inside <SchemaForm>");
  return state;
}

/** Is `path` equal to `prefix` or below it (`prefix.x`, `prefix[0]`)? */
export function isUnder(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`);
}

export function hasValuesUnder(values: FormValues, prefix: string): boolean {
  return Object.keys(values).some((key) => isUnder(key, prefix));
}
