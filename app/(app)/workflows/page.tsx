import { WorkflowList } from "@/components/workflows/workflow-list";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/guard";
import { hasRole } from "@/lib/auth/roles";
import { TEMPLATES } from "@/lib/engine/templates/recipes";
import { listWorkflowsWithHealth } from "@/lib/services/workflows";
import { createWorkflowAction, deleteWorkflowAction, duplicateWorkflowAction, importWorkflowAction, renameWorkflowAction } from "./actions";

export const metadata = { title: "Workflows" };

export default async function WorkflowsPage() {
  const user = await requireUser();
  const workflows = await listWorkflowsWithHealth();
  return (
    <div className="space-y-6">
      <PageHeader title="Workflows" description="Each workflow starts from a HighLevel trigger and keeps Details Flowers in step." />
      <WorkflowList
        canEdit={hasRole(user.role, "editor")}
        templates={TEMPLATES.map((t) => ({ key: t.key, name: t.name, description: t.description }))}
        workflows={workflows.map((w) => ({ ...w, updatedAt: w.updatedAt.toISOString(), lastRun: w.lastRun ? { ...w.lastRun, createdAt: w.lastRun.createdAt.toISOString() } : null }))}
        actions={{ create: createWorkflowAction, rename: renameWorkflowAction, duplicate: duplicateWorkflowAction, remove: deleteWorkflowAction, importJson: importWorkflowAction }}
      />
    </div>
  );
}
