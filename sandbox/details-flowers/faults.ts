/** Fault injection: latency, random or scheduled 500s, path-targeted failures, 429 storms. */
export type Faults = {
  latencyMs: number;
  failRate: number;
  failNext: number;
  failPaths: string[];
  rateLimitStorm: boolean;
};

export const noFaults = (latencyMs = 0, failRate = 0): Faults => ({ latencyMs, failRate, failNext: 0, failPaths: [], rateLimitStorm: false });

/** `*` matches within a segment, `**` across segments; a pattern may start with a method: "POST /clients/*". */
export function pathMatches(pattern: string, method: string, pathname: string): boolean {
  const [maybeMethod, rest] = pattern.includes(" ") ? pattern.split(/\s+/, 2) : [null, pattern];
  if (maybeMethod && maybeMethod.toUpperCase() !== method) return false;
  const source = rest.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*\*/g, "\u0000").replace(/\*/g, "[^/]*").replace(/\u0000/g, ".*");
  return new RegExp(`^(/v1)?${source}$`).test(pathname);
}

/** Decides (and consumes) an injected failure for this request. */
export function shouldFail(faults: Faults, method: string, pathname: string, random = Math.random): boolean {
  if (faults.failNext > 0) {
    faults.failNext -= 1;
    return true;
  }
  if (faults.failPaths.some((p) => pathMatches(p, method, pathname))) return true;
  return faults.failRate > 0 && random() < faults.failRate;
}
