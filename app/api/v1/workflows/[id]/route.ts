import { route } from "@/lib/auth/guard";
import { auditedApiWrite } from "@/lib/api/audit";
import { withEngineErrors } from "@/lib/api/engine-errors";
import { respond } from "@/lib/api/http";
import { okSchema, updateWorkflowBody, workflowSchema } from "@/lib/api/schemas";
import { deleteWorkflow, findWorkflowOr404, toWorkflow, updateWorkflowFields } from "@/lib/api/workflows";
import { saveDraft } from "@/lib/db/workflows";

export const dynamic = "force-dynamic";

export const GET = route({ role: "viewer", apiKeys: true }, async ({ params }) => respond(workflowSchema, toWorkflow(await findWorkflowOr404(params.id))));

export const PATCH = route({ role: "editor", apiKeys: true, input: updateWorkflowBody }, async ({ params, input, principal }) => {
  const { id } = await findWorkflowOr404(params.id);
  const { graph, ...fields } = input;
  await auditedApiWrite(
    principal,
    async (tx) => {
      if (graph !== undefined) await withEngineErrors(() => saveDraft(id, graph, tx));
      if (Object.values(fields).some((value) => value !== undefined)) await updateWorkflowFields(id, fields, tx);
    },
    () => ({ action: "workflow.update", target: id, details: { fields: Object.keys(input) } }),
  );
  return respond(workflowSchema, toWorkflow(await findWorkflowOr404(id)));
});

export const DELETE = route({ role: "editor", apiKeys: true }, async ({ params, principal }) => {
  const workflow = await findWorkflowOr404(params.id);
  await auditedApiWrite(principal, (tx) => deleteWorkflow(workflow.id, tx), () => ({ action: "workflow.delete", target: workflow.id, details: { name: workflow.name } }));
  return respond(okSchema, { ok: true });
});
