import { route } from "@/lib/auth/guard";
import { auditedApiWrite } from "@/lib/api/audit";
import { withEngineErrors } from "@/lib/api/engine-errors";
import { iso, notFound, respond } from "@/lib/api/http";
import { rollbackBody, versionSchema } from "@/lib/api/schemas";
import { findWorkflowOr404, versionExists } from "@/lib/api/workflows";
import { rollbackTo } from "@/lib/db/workflows";

export const dynamic = "force-dynamic";

/** Copies the chosen version into the draft and publishes it as a new version (history stays linear). */
export const POST = route({ role: "editor", apiKeys: true, input: rollbackBody }, async ({ params, input, principal }) => {
  const { id } = await findWorkflowOr404(params.id);
  if (!(await versionExists(id, input.version))) throw notFound(`Version ${input.version} of workflow`, id);
  const version = await auditedApiWrite(
    principal,
    (tx) => withEngineErrors(() => rollbackTo(id, input.version, null, tx)),
    (published) => ({ action: "workflow.rollback", target: id, details: { to: input.version, version: published.version } }),
  );
  return respond(versionSchema, { id: version.id, version: version.version, triggerKey: version.triggerKey, note: version.note, live: true, createdAt: iso(version.createdAt) }, 201);
});
