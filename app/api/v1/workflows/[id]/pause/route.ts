import { route } from "@/lib/auth/guard";
import { auditedApiWrite } from "@/lib/api/audit";
import { respond } from "@/lib/api/http";
import { pauseBody, workflowSchema } from "@/lib/api/schemas";
import { findWorkflowOr404, toWorkflow } from "@/lib/api/workflows";
import { setEnabled } from "@/lib/db/workflows";

export const dynamic = "force-dynamic";

/** New events stop starting runs; runs already started finish. */
export const POST = route({ role: "editor", apiKeys: true, input: pauseBody }, async ({ params, input, principal }) => {
  const { id } = await findWorkflowOr404(params.id);
  await auditedApiWrite(
    principal,
    (tx) => setEnabled(id, false, input.reason ?? "Paused through the API", tx),
    () => ({ action: "workflow.pause", target: id, details: input.reason ? { reason: input.reason } : undefined }),
  );
  return respond(workflowSchema, toWorkflow(await findWorkflowOr404(id)));
});
