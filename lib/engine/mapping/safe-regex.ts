/**
 * User regular expressions (a condition's "matches regex", JSONata's /…/ literals) run
 * synchronously: no deadline or event-loop slice can interrupt one that backtracks for minutes.
 * So the patterns that backtrack catastrophically are refused up front: a quantified group that
 * itself contains a quantifier (`(a+)+`, `(\w*\s?)*`) and backreferences.
 */
const QUANTIFIER = String.raw`(?:[+*]|\{\d+(?:,\d*)?\})`;
const NESTED_QUANTIFIER = new RegExp(String.raw`\((?:[^()\\]|\\.)*${QUANTIFIER}(?:[^()\\]|\\.)*\)${QUANTIFIER}`);
const BACKREFERENCE = /\\[1-9]|\\k</;

/** Why a pattern is refused, or null. */
export function unsafePatternReason(pattern: string): string | null {
  if (NESTED_QUANTIFIER.test(pattern)) return "a repeated group contains a repetition (e.g. (a+)+), which can take minutes on some text";
  if (BACKREFERENCE.test(pattern)) return "backreferences (\\1) are not supported";
  return null;
}

export class UnsafePatternError extends Error {}

/** RegExp that refuses catastrophic patterns; JSONata builds its regexes with it. */
export class SafeRegExp extends RegExp {
  constructor(pattern: string | RegExp, flags?: string) {
    const source = pattern instanceof RegExp ? pattern.source : pattern;
    const reason = unsafePatternReason(source);
    if (reason) throw new UnsafePatternError(`The regular expression /${source}/ is not allowed: ${reason}`);
    super(pattern, flags);
  }
}

/** SafeRegExp shaped as the RegExpConstructor JSONata's `RegexEngine` option is typed as. */
export const safeRegexEngine = function (pattern: string | RegExp, flags?: string) {
  return new SafeRegExp(pattern, flags);
} as unknown as RegExpConstructor;
