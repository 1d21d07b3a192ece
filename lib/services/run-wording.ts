/** Pure wording shared by server pages and client components (no database imports). */

/** What a waiting run waits for, in words. */
export function waitingText(waitingFor: string | null, waitUntil: Date | null): string | null {
  if (!waitingFor) return null;
  const until = waitUntil ? waitUntil.toLocaleTimeString() : null;
  if (waitingFor === "rate_limit") return `Rate limited until ${until ?? "the API allows more requests"}`;
  if (waitingFor === "delay") return `Delayed until ${until ?? "later"}`;
  if (waitingFor.startsWith("retry:")) return `Retrying at ${until ?? "soon"} after a temporary failure`;
  if (waitingFor.startsWith("reconnect:")) return "Waiting for its connection to be reconnected (Connections page)";
  return waitingFor;
}
