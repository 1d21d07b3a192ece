/**
 * The vocabulary of transforms: typed plain objects the mapper renders as menus (label,
 * description, params from `z.toJSONSchema(params)`) and the evaluator applies.
 */
import type { z } from "zod";
import { TransformError } from "../errors";

/** Value types the mapper shows and validation compares; `datetime` travels as an ISO string. */
export type ValueTypeName = "string" | "number" | "boolean" | "datetime" | "object" | "array" | "any";

export type TransformDefinition<P extends z.ZodType = z.ZodType> = {
  /** Stable key stored in saved graphs; never renamed. */
  key: string;
  label: string;
  description: string;
  category: "text" | "name" | "date" | "number" | "logic" | "list";
  params: P;
  /** Params the mapper edits as a Mapping (value or reference); resolved before `apply`. */
  mappingParams?: readonly string[];
  inputType: ValueTypeName;
  /** `same` passes the input type through (e.g. default value). */
  outputType: ValueTypeName | "same";
  /** Otherwise null/undefined skip the transform, so optional fields flow through empty. */
  acceptsEmpty?: boolean;
  apply(value: unknown, params: z.output<P>): unknown;
};

export function defineTransform<P extends z.ZodType>(definition: TransformDefinition<P>): TransformDefinition<P> {
  return definition;
}

export function isEmptyValue(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === "string") return value.trim() === "";
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

/** Strings, numbers and booleans as text; anything else is a user error worth naming. */
export function asText(value: unknown, what = "text"): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  throw new TransformError(`expected ${what} but got ${describeValue(value)}`);
}

export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === "object") return "an object";
  if (typeof value === "string") return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  return String(value);
}
