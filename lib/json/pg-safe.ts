/**
 * Makes decoded JSON safe for PostgreSQL jsonb and text columns, which refuse `\u0000` and
 * lone UTF-16 surrogates ("unsupported Unicode escape sequence") and recurse per nesting level.
 *
 * The rule, everywhere: each NUL or lone surrogate, in keys and in values, becomes U+FFFD (�),
 * so the change is visible and never silent; anything nested deeper than the depth limit is
 * replaced by a marker string. Every change is reported with its path, so webhooks can store
 * the safe copy with a note and the API can refuse the request naming the field.
 * The walk is iterative: a 5,000-deep document (which JSON.parse accepts) cannot overflow the stack.
 */

export const MAX_JSON_DEPTH = 512;
export const REPLACEMENT_CHARACTER = "\uFFFD";
export const TRUNCATED_MARKER = `[truncated: nested deeper than ${MAX_JSON_DEPTH} levels]`;

/** NUL, a high surrogate not followed by a low one, or a low surrogate not preceded by a high one. */
const UNSAFE_SOURCE = "\\u0000|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]";
const HAS_UNSAFE = new RegExp(UNSAFE_SOURCE);
const ALL_UNSAFE = new RegExp(UNSAFE_SOURCE, "g");

export type JsonPath = (string | number)[];
export type JsonProblem = { path: JsonPath; kind: "nul" | "lone_surrogate" | "too_deep"; inKey: boolean };

export type PgSafeJson = {
  value: unknown;
  /** Characters replaced by U+FFFD. */
  replaced: number;
  /** Subtrees cut at the depth limit. */
  truncated: number;
  /** Where, first problems first (at most `maxProblems`). */
  problems: JsonProblem[];
};

type Options = { maxDepth?: number; maxProblems?: number };

/** Paths are linked back to their parent and spelled out only for a problem: no O(depth) copy per value. */
type PathLink = { parent: PathLink | null; key: string | number } | null;
type Frame = { source: unknown; path: PathLink; depth: number; assign: (value: unknown) => void };

function spell(link: PathLink): JsonPath {
  const path: JsonPath = [];
  // A key is spelled as it is stored, so a field name never carries the character it reports.
  for (let at = link; at; at = at.parent) path.push(typeof at.key === "string" ? at.key.replace(ALL_UNSAFE, REPLACEMENT_CHARACTER) : at.key);
  return path.reverse();
}

export function toPgSafeJson(input: unknown, options: Options = {}): PgSafeJson {
  const maxDepth = options.maxDepth ?? MAX_JSON_DEPTH;
  const maxProblems = options.maxProblems ?? 20;
  const result: PgSafeJson = { value: undefined, replaced: 0, truncated: 0, problems: [] };
  const note = (problem: JsonProblem) => {
    if (result.problems.length < maxProblems) result.problems.push(problem);
  };
  const clean = (text: string, path: PathLink, inKey: boolean): string => {
    if (!HAS_UNSAFE.test(text)) return text;
    return text.replace(ALL_UNSAFE, (match) => {
      result.replaced += 1;
      note({ path: spell(path), kind: match === "\u0000" ? "nul" : "lone_surrogate", inKey });
      return REPLACEMENT_CHARACTER;
    });
  };

  const stack: Frame[] = [{ source: input, path: null, depth: 0, assign: (value) => (result.value = value) }];
  for (let frame = stack.pop(); frame; frame = stack.pop()) {
    const { source, path, depth, assign } = frame;
    if (typeof source === "string") {
      assign(clean(source, path, false));
    } else if (source === null || typeof source !== "object") {
      assign(source);
    } else if (depth >= maxDepth) {
      result.truncated += 1;
      note({ path: spell(path), kind: "too_deep", inKey: false });
      assign(TRUNCATED_MARKER);
    } else if (Array.isArray(source)) {
      const copy: unknown[] = new Array(source.length);
      assign(copy);
      // Pushed last to first so they are walked, and problems reported, in document order.
      for (let index = source.length - 1; index >= 0; index--) {
        stack.push({ source: source[index], path: { parent: path, key: index }, depth: depth + 1, assign: (value) => (copy[index] = value) });
      }
    } else {
      const copy: Record<string, unknown> = {};
      assign(copy);
      const frames: Frame[] = [];
      const entries = Object.entries(source);
      const rawKeys = new Set(entries.map(([rawKey]) => rawKey));
      for (const [rawKey, item] of entries) {
        let key = clean(rawKey, { parent: path, key: rawKey }, true);
        // A replaced key never takes the place of another key.
        while (key !== rawKey && (rawKeys.has(key) || Object.hasOwn(copy, key))) key += REPLACEMENT_CHARACTER;
        // defineProperty: a "__proto__" key from JSON.parse stays a plain own property.
        const put = (value: unknown) => Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
        put(null);
        frames.push({ source: item, path: { parent: path, key }, depth: depth + 1, assign: put });
      }
      for (let index = frames.length - 1; index >= 0; index--) stack.push(frames[index]);
    }
  }
  return result;
}

const KIND_MESSAGES: Record<JsonProblem["kind"], string> = {
  nul: "contains a NUL character (\\u0000), which cannot be stored; remove it",
  lone_surrogate: "contains an unpaired UTF-16 surrogate (e.g. \\ud800), which is not valid Unicode; remove it",
  too_deep: `is nested deeper than ${MAX_JSON_DEPTH} levels`,
};

/** A problem as an API field error: `{ field: "graph.nodes.0.label", message }`. */
export function describeProblem(problem: JsonProblem): { field: string; message: string } {
  const field = problem.path.join(".") || "(body)";
  return { field, message: `The ${problem.inKey ? "key" : "value"} ${KIND_MESSAGES[problem.kind]}` };
}
