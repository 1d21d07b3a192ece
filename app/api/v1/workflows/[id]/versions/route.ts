import { route } from "@/lib/auth/guard";
import { respond } from "@/lib/api/http";
import { versionListSchema } from "@/lib/api/schemas";
import { findWorkflowOr404, listVersions } from "@/lib/api/workflows";

export const dynamic = "force-dynamic";

export const GET = route({ role: "viewer", apiKeys: true }, async ({ params }) => {
  const workflow = await findWorkflowOr404(params.id);
  return respond(versionListSchema, { data: await listVersions(workflow.id, workflow.publishedVersionId) });
});
