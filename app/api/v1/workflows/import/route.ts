import { route } from "@/lib/auth/guard";
import { auditedApiWrite } from "@/lib/api/audit";
import { withEngineErrors } from "@/lib/api/engine-errors";
import { respond } from "@/lib/api/http";
import { workflowImportBody, workflowSchema } from "@/lib/api/schemas";
import { findWorkflowOr404, toWorkflow } from "@/lib/api/workflows";
import { importWorkflow } from "@/lib/db/workflows";

export const dynamic = "force-dynamic";

/** Creates a new draft workflow from an export file (GET /workflows/{id}/export). */
export const POST = route({ role: "editor", apiKeys: true, input: workflowImportBody }, async ({ input, principal }) => {
  const created = await auditedApiWrite(
    principal,
    (tx) => withEngineErrors(() => importWorkflow(input, null, tx)),
    (row) => ({ action: "workflow.import", target: row.id, details: { name: row.name } }),
  );
  return respond(workflowSchema, toWorkflow(await findWorkflowOr404(created.id)), 201);
});
