import { route } from "@/lib/auth/guard";
import { auditedApiWrite } from "@/lib/api/audit";
import { withEngineErrors } from "@/lib/api/engine-errors";
import { notFound, respond } from "@/lib/api/http";
import { installTemplateBody, workflowSchema } from "@/lib/api/schemas";
import { findWorkflowOr404, toWorkflow } from "@/lib/api/workflows";
import { installTemplate } from "@/lib/engine/templates/install";
import { getTemplate } from "@/lib/engine/templates/recipes";

export const dynamic = "force-dynamic";

/** A new draft from the template; publish it with POST /workflows/{id}/publish. */
export const POST = route({ role: "editor", apiKeys: true, input: installTemplateBody }, async ({ input, params, principal }) => {
  const key = params.key ?? "";
  if (!getTemplate(key)) throw notFound("Template", key || "(missing)");
  const created = await auditedApiWrite(
    principal,
    (tx) => withEngineErrors(() => installTemplate(key, { name: input.name, connections: input.connections, createdById: null }, tx)),
    (row) => ({ action: "workflow.create", target: row.id, details: { name: row.name, template: key } }),
  );
  return respond(workflowSchema, toWorkflow(await findWorkflowOr404(created.id)), 201);
});
