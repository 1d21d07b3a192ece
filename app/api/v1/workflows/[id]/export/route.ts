import { route } from "@/lib/auth/guard";
import { respond } from "@/lib/api/http";
import { workflowExportBody } from "@/lib/api/schemas";
import { findWorkflowOr404 } from "@/lib/api/workflows";
import { exportWorkflow } from "@/lib/db/workflows";

export const dynamic = "force-dynamic";

/** The draft as a portable file; POST it to /workflows/import to copy the workflow. */
export const GET = route({ role: "viewer", apiKeys: true }, async ({ params }) => {
  const { id } = await findWorkflowOr404(params.id);
  return respond(workflowExportBody, await exportWorkflow(id));
});
