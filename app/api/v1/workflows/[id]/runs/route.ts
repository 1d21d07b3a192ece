import { route } from "@/lib/auth/guard";
import { auditApiWrite } from "@/lib/api/audit";
import { respond } from "@/lib/api/http";
import { startManualRun } from "@/lib/api/manual-run";
import { manualRunBody, manualRunResponse } from "@/lib/api/schemas";
import { findWorkflowOr404 } from "@/lib/api/workflows";

export const dynamic = "force-dynamic";

/** 202: the run is queued; poll GET /runs/{runId} for its outcome. */
export const POST = route({ role: "editor", apiKeys: true, input: manualRunBody }, async ({ params, input, principal }) => {
  const workflow = await findWorkflowOr404(params.id);
  const started = await startManualRun(workflow, input);
  await auditApiWrite(principal, "workflow.run", workflow.id, { eventId: started.eventId, runId: started.runId });
  return respond(manualRunResponse, started, 202);
});
