import { route } from "@/lib/auth/guard";
import { auditedApiWrite } from "@/lib/api/audit";
import { respond } from "@/lib/api/http";
import { startManualRun } from "@/lib/api/manual-run";
import { manualRunBody, manualRunResponse } from "@/lib/api/schemas";
import { findWorkflowOr404 } from "@/lib/api/workflows";

export const dynamic = "force-dynamic";

/** 202: the run is queued; poll GET /runs/{runId} for its outcome. */
export const POST = route({ role: "editor", apiKeys: true, input: manualRunBody }, async ({ params, input, principal }) => {
  const workflow = await findWorkflowOr404(params.id);
  const started = await auditedApiWrite(
    principal,
    (tx) => startManualRun(workflow, input, tx),
    (run) => ({ action: "workflow.run", target: workflow.id, details: { eventId: run.eventId, runId: run.runId } }),
  );
  return respond(manualRunResponse, started, 202);
});
