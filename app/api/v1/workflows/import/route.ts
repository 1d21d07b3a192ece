import { route } from "@/lib/auth/guard";
import { auditApiWrite } from "@/lib/api/audit";
import { withEngineErrors } from "@/lib/api/engine-errors";
import { respond } from "@/lib/api/http";
import { workflowExportBody, workflowSchema } from "@/lib/api/schemas";
import { findWorkflowOr404, toWorkflow } from "@/lib/api/workflows";
import { importWorkflow } from "@/lib/db/workflows";

export const dynamic = "force-dynamic";

/** Creates a new draft workflow from an export file (GET /workflows/{id}/export). */
export const POST = route({ role: "editor", apiKeys: true, input: workflowExportBody }, async ({ input, principal }) => {
  const created = await withEngineErrors(() => importWorkflow(input));
  await auditApiWrite(principal, "workflow.import", created.id, { name: created.name });
  return respond(workflowSchema, toWorkflow(await findWorkflowOr404(created.id)), 201);
});
