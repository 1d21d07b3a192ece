/**
 * Conditions a user builds from menus: left value, operator, right value, grouped with
 * all/any. Missing values are read as empty (never an error), so "is empty" works on
 * fields a payload leaves out.
 */
import { z } from "zod";
import { MappingError } from "../mapping/errors";
import { evaluateMapping, stringify } from "../mapping/evaluate";
import { mappingSchema, type Mapping, type Scope } from "../mapping/schema";
import { SafeRegExp } from "../mapping/safe-regex";
import { isEmptyValue, toBoolean } from "../mapping/transforms";

export const CONDITION_OPERATORS = [
  "equals",
  "not_equals",
  "contains",
  "not_contains",
  "starts_with",
  "ends_with",
  "is_empty",
  "is_not_empty",
  "greater_than",
  "less_than",
  "matches_regex",
  "is_true",
  "is_false",
] as const;
export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];

/** Operators that compare against a right-hand value; the others look at the left only. */
export const BINARY_OPERATORS: ReadonlySet<ConditionOperator> = new Set([
  "equals",
  "not_equals",
  "contains",
  "not_contains",
  "starts_with",
  "ends_with",
  "greater_than",
  "less_than",
  "matches_regex",
]);

export const conditionClauseSchema = z.object({
  left: mappingSchema,
  op: z.enum(CONDITION_OPERATORS),
  right: mappingSchema.optional(),
  ignoreCase: z.boolean().optional().describe("Compare text regardless of upper/lower case"),
});
export type ConditionClause = z.infer<typeof conditionClauseSchema>;

export type ConditionGroup = { all: ConditionItem[] } | { any: ConditionItem[] };
export type ConditionItem = ConditionClause | ConditionGroup;

export const conditionSchema: z.ZodType<ConditionGroup> = z.union([
  z.strictObject({ get all() { return z.array(conditionItemSchema); } }),
  z.strictObject({ get any() { return z.array(conditionItemSchema); } }),
]);
const conditionItemSchema: z.ZodType<ConditionItem> = z.union([conditionClauseSchema, z.lazy(() => conditionSchema)]);

export const isGroup = (item: ConditionItem): item is ConditionGroup => "all" in item || "any" in item;

export type ClauseTrace = { op: ConditionOperator; left: unknown; right: unknown; result: boolean };

/** Result plus each clause's values, for the run view's "why did this stop". */
export async function traceCondition(condition: ConditionGroup, scope: Scope): Promise<{ result: boolean; clauses: ClauseTrace[] }> {
  const clauses: ClauseTrace[] = [];
  const result = await evaluateGroup(condition, scope, clauses);
  return { result, clauses };
}

export async function evaluateCondition(condition: ConditionGroup, scope: Scope): Promise<boolean> {
  return evaluateGroup(condition, scope, []);
}

async function evaluateGroup(group: ConditionGroup, scope: Scope, trace: ClauseTrace[]): Promise<boolean> {
  const items = "all" in group ? group.all : group.any;
  for (const item of items) {
    const result = isGroup(item) ? await evaluateGroup(item, scope, trace) : await evaluateClause(item, scope, trace);
    if ("any" in group && result) return true;
    if ("all" in group && !result) return false;
  }
  return "all" in group;
}

async function evaluateClause(clause: ConditionClause, scope: Scope, trace: ClauseTrace[]): Promise<boolean> {
  const read = (m: Mapping | undefined) => (m ? evaluateMapping(m, scope, { lenient: true }) : Promise.resolve(undefined));
  const [left, right] = await Promise.all([read(clause.left), read(clause.right)]);
  const result = compare(clause.op, left, right, clause.ignoreCase ?? false);
  trace.push({ op: clause.op, left, right, result });
  return result;
}

export function compare(op: ConditionOperator, left: unknown, right: unknown, ignoreCase: boolean): boolean {
  const text = (v: unknown) => (ignoreCase ? stringify(v).toLowerCase() : stringify(v));
  switch (op) {
    case "equals":
      return looselyEqual(left, right, ignoreCase);
    case "not_equals":
      return !looselyEqual(left, right, ignoreCase);
    case "contains":
      return contains(left, right, ignoreCase);
    case "not_contains":
      return !contains(left, right, ignoreCase);
    case "starts_with":
      return text(left).startsWith(text(right));
    case "ends_with":
      return text(left).endsWith(text(right));
    case "is_empty":
      return isEmptyValue(left) || (typeof left === "object" && left !== null && Object.keys(left).length === 0);
    case "is_not_empty":
      return !compare("is_empty", left, right, ignoreCase);
    case "greater_than":
      return order(left, right) > 0;
    case "less_than":
      return order(left, right) < 0;
    case "matches_regex":
      return regex(stringify(right), ignoreCase).test(stringify(left));
    case "is_true":
      return toBoolean(left) === true;
    case "is_false":
      return toBoolean(left) === false;
  }
}

function looselyEqual(left: unknown, right: unknown, ignoreCase: boolean): boolean {
  if (typeof left === "boolean" || typeof right === "boolean") return toBoolean(left) === toBoolean(right);
  if (typeof left === "number" || typeof right === "number") {
    const [l, r] = [toNumber(left), toNumber(right)];
    if (l !== undefined && r !== undefined) return l === r;
  }
  if ((left !== null && typeof left === "object") || (right !== null && typeof right === "object")) {
    return JSON.stringify(left) === JSON.stringify(right);
  }
  const [l, r] = [stringify(left), stringify(right)];
  return ignoreCase ? l.toLowerCase() === r.toLowerCase() : l === r;
}

function contains(left: unknown, right: unknown, ignoreCase: boolean): boolean {
  if (Array.isArray(left)) return left.some((item) => looselyEqual(item, right, ignoreCase));
  const [l, r] = [stringify(left), stringify(right)];
  return ignoreCase ? l.toLowerCase().includes(r.toLowerCase()) : l.includes(r);
}

function toNumber(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value === "string" && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Number(value);
  return undefined;
}

const DATE_LIKE = /^\d{4}-\d{2}-\d{2}/;

/** Numbers compare as numbers, ISO dates as instants; anything else is not ordered (0). */
function order(left: unknown, right: unknown): number {
  const [l, r] = [toNumber(left), toNumber(right)];
  if (l !== undefined && r !== undefined) return Math.sign(l - r);
  if (typeof left === "string" && typeof right === "string" && DATE_LIKE.test(left) && DATE_LIKE.test(right)) {
    const [a, b] = [Date.parse(left), Date.parse(right)];
    if (!Number.isNaN(a) && !Number.isNaN(b)) return Math.sign(a - b);
  }
  return 0;
}

export function regex(pattern: string, ignoreCase: boolean): RegExp {
  try {
    return new SafeRegExp(pattern, ignoreCase ? "i" : "");
  } catch (error) {
    const reason = `"${pattern}" is not a valid regular expression: ${error instanceof Error ? error.message : String(error)}`;
    throw new MappingError({ path: "", reason });
  }
}
