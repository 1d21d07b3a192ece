/** Pure wording shared by server pages and client components (no database imports). */
import { FILTERED_LABEL } from "@/lib/engine/run/statuses";

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

/** "Stopped by filter: “Only VIPs”" for a run a filter ended, naming the filter that said no. */
export function filteredText(status: string, steps: { nodeId: string; output: unknown }[], labels: Record<string, string>): string | null {
  if (status !== "filtered") return null;
  const stopper = steps.find((s) => (s.output as { passed?: unknown } | null)?.passed === false);
  return stopper ? `${FILTERED_LABEL}: “${labels[stopper.nodeId] ?? stopper.nodeId}”` : FILTERED_LABEL;
}
