import { route } from "@/lib/auth/guard";
import { auditedApiWrite } from "@/lib/api/audit";
import { withEngineErrors } from "@/lib/api/engine-errors";
import { iso, respond } from "@/lib/api/http";
import { publishBody, versionSchema } from "@/lib/api/schemas";
import { findWorkflowOr404 } from "@/lib/api/workflows";
import { publishWorkflow } from "@/lib/db/workflows";

export const dynamic = "force-dynamic";

/** 422 `workflow_invalid` lists every validation issue (code, message, nodeId, field) in details. */
export const POST = route({ role: "editor", apiKeys: true, input: publishBody }, async ({ params, input, principal }) => {
  const { id } = await findWorkflowOr404(params.id);
  const version = await auditedApiWrite(
    principal,
    (tx) => withEngineErrors(() => publishWorkflow(id, { note: input.note }, tx)),
    (published) => ({ action: "workflow.publish", target: id, details: { version: published.version } }),
  );
  return respond(versionSchema, { id: version.id, version: version.version, triggerKey: version.triggerKey, note: version.note, live: true, createdAt: iso(version.createdAt) }, 201);
});
