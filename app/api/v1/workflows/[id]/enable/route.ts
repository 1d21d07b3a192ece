import { route } from "@/lib/auth/guard";
import { auditedApiWrite } from "@/lib/api/audit";
import { conflict, respond } from "@/lib/api/http";
import { workflowSchema } from "@/lib/api/schemas";
import { findWorkflowOr404, toWorkflow } from "@/lib/api/workflows";
import { setEnabled } from "@/lib/db/workflows";

export const dynamic = "force-dynamic";

export const POST = route({ role: "editor", apiKeys: true }, async ({ params, principal }) => {
  const workflow = await findWorkflowOr404(params.id);
  if (!workflow.publishedVersionId) throw conflict(`Workflow ${workflow.id} has never been published; publish it, which also enables it`);
  await auditedApiWrite(principal, (tx) => setEnabled(workflow.id, true, undefined, tx), () => ({ action: "workflow.enable", target: workflow.id }));
  return respond(workflowSchema, toWorkflow(await findWorkflowOr404(workflow.id)));
});
