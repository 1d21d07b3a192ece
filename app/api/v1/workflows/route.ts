import { route } from "@/lib/auth/guard";
import { auditedApiWrite } from "@/lib/api/audit";
import { withEngineErrors } from "@/lib/api/engine-errors";
import { respond } from "@/lib/api/http";
import { createWorkflowBody, workflowListSchema, workflowSchema } from "@/lib/api/schemas";
import { findWorkflowOr404, listWorkflowsWithLastRun, toWorkflow } from "@/lib/api/workflows";
import { createWorkflow } from "@/lib/db/workflows";
import { installTemplate } from "@/lib/engine/templates/install";

export const dynamic = "force-dynamic";

export const GET = route({ role: "viewer", apiKeys: true }, async () => respond(workflowListSchema, { data: await listWorkflowsWithLastRun() }));

export const POST = route({ role: "editor", apiKeys: true, input: createWorkflowBody }, async ({ input, principal }) => {
  const created = await auditedApiWrite(
    principal,
    (tx) =>
      withEngineErrors(() =>
        input.from === "template"
          ? installTemplate(input.template, { name: input.name }, tx)
          : createWorkflow({ name: input.name, description: input.description, graph: input.graph }, tx),
      ),
    (row) => ({ action: "workflow.create", target: row.id, details: { name: row.name, ...(input.from === "template" ? { template: input.template } : {}) } }),
  );
  return respond(workflowSchema, toWorkflow(await findWorkflowOr404(created.id)), 201);
});
