/**
 * Paths into node outputs: `contact.tags[0]`, `custom["x-y"].value`. Stored as canonical
 * strings so saved graphs stay readable; parsed into segments only to walk values.
 */

export type PathSegment = string | number;

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export class PathSyntaxError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`Invalid path "${path}": ${reason}`);
    this.name = "PathSyntaxError";
  }
}

/** `a.b[0]["x-y"]` → `["a", "b", 0, "x-y"]`. The empty string is the whole value. */
export function parsePath(path: string): PathSegment[] {
  const segments: PathSegment[] = [];
  let i = 0;
  const text = path.trim();
  while (i < text.length) {
    const ch = text[i];
    if (ch === "[") {
      const close = findBracketEnd(text, i);
      if (close < 0) throw new PathSyntaxError(path, `unclosed "[" at ${i}`);
      segments.push(parseBracket(path, text.slice(i + 1, close)));
      i = close + 1;
      continue;
    }
    if (ch === ".") {
      if (segments.length === 0) throw new PathSyntaxError(path, "cannot start with a dot");
      i += 1;
    } else if (segments.length > 0) {
      throw new PathSyntaxError(path, `expected "." or "[" at ${i}`);
    }
    const match = /^[A-Za-z0-9_$]+/.exec(text.slice(i));
    if (!match) throw new PathSyntaxError(path, `expected a name at ${i}`);
    segments.push(match[0]);
    i += match[0].length;
  }
  return segments;
}

function findBracketEnd(text: string, open: number): number {
  let inString = false;
  for (let j = open + 1; j < text.length; j++) {
    const ch = text[j];
    if (inString) {
      if (ch === "\\") j++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === "]") return j;
  }
  return -1;
}

function parseBracket(path: string, inner: string): PathSegment {
  const body = inner.trim();
  if (/^\d+$/.test(body)) return Number(body);
  if (body.startsWith('"')) {
    try {
      const key: unknown = JSON.parse(body);
      if (typeof key === "string") return key;
    } catch {
      // fall through to the error below
    }
  }
  throw new PathSyntaxError(path, `bracket must hold an index or a quoted key, got [${inner}]`);
}

export function formatPath(segments: readonly PathSegment[]): string {
  let out = "";
  for (const segment of segments) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (IDENT.test(segment)) out += out === "" ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

export function isValidPath(path: string): boolean {
  try {
    parsePath(path);
    return true;
  } catch {
    return false;
  }
}

const MISSING = Symbol("missing");

/** Walks `path`; `found: false` when any segment is absent (null/undefined values are found). */
export function lookupPath(value: unknown, path: string | readonly PathSegment[]): { found: boolean; value: unknown } {
  const segments = typeof path === "string" ? parsePath(path) : path;
  let current: unknown = value;
  for (const segment of segments) {
    const next = step(current, segment);
    if (next === MISSING) return { found: false, value: undefined };
    current = next;
  }
  return { found: current !== undefined, value: current };
}

function step(current: unknown, segment: PathSegment): unknown {
  if (current === null || typeof current !== "object") return MISSING;
  if (Array.isArray(current)) {
    const index = typeof segment === "number" ? segment : /^\d+$/.test(segment) ? Number(segment) : NaN;
    if (Number.isInteger(index) && index < current.length) return current[index];
    if (segment === "length") return current.length;
    return MISSING;
  }
  const key = String(segment);
  return Object.prototype.hasOwnProperty.call(current, key) ? (current as Record<string, unknown>)[key] : MISSING;
}

/** The value at `path`, or undefined. */
export function getPath(value: unknown, path: string | readonly PathSegment[]): unknown {
  return lookupPath(value, path).value;
}

/** Immutable nested set, creating objects (or arrays for numeric segments) on the way. */
export function setPath(target: unknown, segments: readonly PathSegment[], value: unknown): unknown {
  if (segments.length === 0) return value;
  const [head, ...rest] = segments;
  if (typeof head === "number") {
    const array = Array.isArray(target) ? [...target] : [];
    array[head] = setPath(array[head], rest, value);
    return array;
  }
  const object = target !== null && typeof target === "object" && !Array.isArray(target) ? { ...(target as Record<string, unknown>) } : {};
  object[head] = setPath(object[head], rest, value);
  return object;
}

export type PathType = "string" | "number" | "boolean" | "null" | "object" | "array";

export type SamplePath = { path: string; type: PathType; example: unknown };

/** Flattens a sample output into the mapper's pick list; arrays show their first item. */
export function listPaths(sample: unknown, maxDepth = 4): SamplePath[] {
  const out: SamplePath[] = [];
  walk(sample, [], 0);
  return out;

  function walk(value: unknown, segments: PathSegment[], depth: number) {
    if (segments.length > 0) out.push({ path: formatPath(segments), type: typeOfValue(value), example: preview(value) });
    if (depth >= maxDepth || value === null || typeof value !== "object") return;
    if (Array.isArray(value)) {
      if (value.length > 0) walk(value[0], [...segments, 0], depth + 1);
      return;
    }
    for (const [key, child] of Object.entries(value)) walk(child, [...segments, key], depth + 1);
  }
}

export function typeOfValue(value: unknown): PathType {
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) return "array";
  const t = typeof value;
  if (t === "string" || t === "number" || t === "boolean") return t;
  return "object";
}

function preview(value: unknown): unknown {
  if (Array.isArray(value)) return `${value.length} item${value.length === 1 ? "" : "s"}`;
  if (value !== null && typeof value === "object") return `${Object.keys(value).length} fields`;
  if (typeof value === "string" && value.length > 80) return `${value.slice(0, 77)}...`;
  return value;
}
