/** Run history queries for the UI: filtered, cursor-paginated lists and one run with its steps. */
import { db } from "@/lib/db/client";
import { migrateGraph } from "@/lib/engine/graph";
import { maskGraphSecrets } from "@/lib/engine/step-secrets";
import { runWhere, type RunFilter } from "@/lib/engine/run/replay";

export { filteredText, waitingText } from "./run-wording";

export const PAGE_SIZE = 50;

export async function listRuns(filter: RunFilter, cursor?: string | null) {
  const rows = await db().run.findMany({
    where: runWhere(filter),
    include: { workflow: { select: { name: true } } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: PAGE_SIZE + 1,
    ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
  });
  const page = rows.slice(0, PAGE_SIZE);
  return { runs: page, nextCursor: rows.length > PAGE_SIZE ? page[page.length - 1].id : null };
}

export async function getRun(id: string) {
  const run = await db().run.findUnique({
    where: { id },
    include: { workflow: { select: { id: true, name: true, publishedVersionId: true } }, workflowVersion: true, steps: { orderBy: { startedAt: "asc" } }, event: true },
  });
  if (!run) return null;
  const graph = maskGraphSecrets(migrateGraph(run.workflowVersion.graph));
  const labels = Object.fromEntries(graph.nodes.map((n) => [n.id, n.label]));
  return { run, labels, graph };
}

/** The next thing to do about a failed run, from its error. */
export function adviceFor(error: { kind?: string; status?: number; fields?: unknown } | null): string | null {
  if (!error) return null;
  if (error.kind === "auth" || error.kind === "needs_reconnect") return "Reconnect the connection on the Connections page, then replay from the failed step.";
  if (error.kind === "mapping" || error.fields) return "Fix the step's field mapping in the workflow, publish, then replay on the latest version.";
  if (error.status === 404) return "The record no longer exists in the other system; check it there, then replay if needed.";
  if (error.kind === "retryable" || error.kind === "rate_limited" || (error.status ?? 0) >= 500) return "A temporary failure: replay from the failed step.";
  return "Check the API's message above; replay from the failed step once the cause is fixed.";
}

/** Workflow names for the runs filter. */
export function listWorkflowNames() {
  return db().workflow.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } });
}

const STATUS_WEIGHT = ["failed", "retrying", "running", "waiting", "succeeded", "skipped"] as const;
export type NodeRunStatus = (typeof STATUS_WEIGHT)[number];

/** One status per graph node; a node run many times in a loop shows its most telling one (a failure wins). */
export function nodeStatuses(steps: { nodeId: string; status: string }[]): Record<string, NodeRunStatus> {
  const out: Record<string, NodeRunStatus> = {};
  for (const step of steps) {
    const status = STATUS_WEIGHT.find((s) => s === step.status);
    if (!status) continue;
    const current = out[step.nodeId];
    if (!current || STATUS_WEIGHT.indexOf(status) < STATUS_WEIGHT.indexOf(current)) out[step.nodeId] = status;
  }
  return out;
}
