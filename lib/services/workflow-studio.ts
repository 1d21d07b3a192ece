/** What the editor page hands the canvas besides the catalog: connections, samples, last run's step statuses. */
import { listConnections } from "@/lib/db/connections";
import { lastRunStepStatus, samplesFor } from "@/lib/db/workflow-samples";

export async function studioData(workflowId: string) {
  const [connections, stored, lastRun] = await Promise.all([listConnections(), samplesFor(workflowId), lastRunStepStatus(workflowId)]);
  return {
    connections: connections.map((c) => ({ id: c.id, provider: c.provider, label: c.label, status: c.status })),
    samples: Object.fromEntries(stored.map((s) => [s.nodeId, s.sample])),
    runStatus: lastRun?.status ?? {},
    lastRunId: lastRun?.runId ?? null,
  };
}
