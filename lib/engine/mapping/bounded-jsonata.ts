/**
 * JSONata with limits (finding 2 of issue 12). An expression such as
 * `$sum($map([1..10000000], function($v){$v*2}))` used to hold the process for 21 s: JSONata's
 * evaluation is async, but only through microtasks, so timers and sockets starved meanwhile.
 * Here every evaluation has a deadline, a depth limit and a list-size cap (JSONata's own
 * guardrails: D1012, D1011, D2014/D2015), its result a size cap, and an evaluation hook hands the
 * event loop back every few milliseconds, so health checks and webhooks are answered while a
 * runaway expression is stopped. Regexes go through SafeRegExp (no catastrophic backtracking). `ref`, `literal`, templates and pipelines never come here.
 */
import jsonata from "jsonata";
import { safeRegexEngine, UnsafePatternError } from "./safe-regex";

export const EXPRESSION_LIMITS = {
  /** Wall-clock budget per expression; a step's shorter `timeoutMs` lowers it. */
  timeoutMs: 1_000,
  /** Items in one list (ranges such as [1..n] included). */
  items: 100_000,
  /** Nested evaluation depth (recursive functions). */
  depth: 500,
  /** The result, as JSON. */
  outputBytes: 1_000_000,
} as const;

/** How long JSONata may run before the event loop gets a turn. */
const SLICE_MS = 8;
const yieldToEventLoop: () => Promise<void> =
  typeof setImmediate === "function" ? () => new Promise((resolve) => setImmediate(resolve)) : () => new Promise((resolve) => setTimeout(resolve, 0));

let sliceStart = 0;
/** Called by JSONata before every evaluation step; cheap unless the slice is used up. */
function onEvaluateEntry(): Promise<void> | undefined {
  const now = performance.now();
  if (now - sliceStart < SLICE_MS) return undefined;
  return yieldToEventLoop().then(() => {
    sliceStart = performance.now();
  });
}

const compiled = new Map<string, jsonata.Expression>();

/** Parses (cached) with the limits; throws JSONata's parse error for a bad expression. */
export function compileJsonata(expression: string, timeoutMs: number = EXPRESSION_LIMITS.timeoutMs): jsonata.Expression {
  const key = `${timeoutMs}\u0000${expression}`;
  let expr = compiled.get(key);
  if (!expr) {
    expr = jsonata(expression, { timeout: timeoutMs, stack: EXPRESSION_LIMITS.depth, sequence: EXPRESSION_LIMITS.items, RegexEngine: safeRegexEngine });
    expr.assign(Symbol.for("jsonata.__evaluate_entry") as unknown as string, onEvaluateEntry);
    if (compiled.size > 500) compiled.clear();
    compiled.set(key, expr);
  }
  return expr;
}

/** A limit stopped the expression; the message says which, in words a user can act on. */
export class ExpressionLimitError extends Error {}

const listLimit = () => `a list grew past ${EXPRESSION_LIMITS.items.toLocaleString("en")} items, the limit for an expression`;
const LIMIT_MESSAGES: Record<string, (value: unknown) => string> = {
  D1012: (ms) => `it ran longer than ${String(ms)} ms, the limit for an expression`,
  D1011: () => `it nested deeper than ${EXPRESSION_LIMITS.depth} levels (a recursive function that does not end?)`,
  D2014: listLimit,
  D2015: listLimit,
};

/** Evaluates within `timeoutMs` (at most the fixed budget); limit breaches throw ExpressionLimitError. */
export async function evaluateJsonataBounded(expression: string, input: unknown, timeoutMs?: number): Promise<unknown> {
  const budget = Math.max(1, Math.min(timeoutMs ?? EXPRESSION_LIMITS.timeoutMs, EXPRESSION_LIMITS.timeoutMs));
  const expr = compileJsonata(expression, budget);
  let result: unknown;
  try {
    result = await expr.evaluate(input);
  } catch (error) {
    const { code, value } = (error ?? {}) as { code?: string; value?: unknown };
    const explain = code ? LIMIT_MESSAGES[code] : undefined;
    if (explain) throw new ExpressionLimitError(explain(value));
    if (error instanceof RangeError || error instanceof UnsafePatternError) throw new ExpressionLimitError(error.message);
    throw error;
  }
  if (result !== null && typeof result === "object") {
    const size = JSON.stringify(result)?.length ?? 0;
    if (size > EXPRESSION_LIMITS.outputBytes) {
      throw new ExpressionLimitError(`its result is ${size.toLocaleString("en")} characters; at most ${EXPRESSION_LIMITS.outputBytes.toLocaleString("en")} are allowed`);
    }
  } else if (typeof result === "string" && result.length > EXPRESSION_LIMITS.outputBytes) {
    throw new ExpressionLimitError(`its result is ${result.length.toLocaleString("en")} characters; at most ${EXPRESSION_LIMITS.outputBytes.toLocaleString("en")} are allowed`);
  }
  return result;
}
