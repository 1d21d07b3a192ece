import Link from "next/link";
import { notFound } from "next/navigation";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/ui/status-badge";
import { WorkflowControls } from "@/components/workflows/workflow-controls";
import { WorkflowSummary } from "@/components/workflows/workflow-summary";
import { requireUser } from "@/lib/auth/guard";
import { hasRole } from "@/lib/auth/roles";
import { workflowDetail } from "@/lib/services/workflow-detail";
import { publishAction, rollbackAction, setEnabledAction } from "../actions";

export const metadata = { title: "Workflow versions" };

/** The workflow as a list: its steps, checks, versions and rollback. */
export default async function WorkflowVersionsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser();
  const detail = /^[0-9a-f-]{36}$/i.test(id) ? await workflowDetail(id) : null;
  if (!detail) notFound();
  const { workflow, validation, steps, status, draftChanged } = detail;
  return (
    <div className="space-y-6">
      <PageHeader title={workflow.name} description={workflow.description ?? undefined}>
        <StatusBadge status={status} label={status === "published" ? `Published v${workflow.publishedVersion?.version}` : undefined} />
        <Button variant="outline" asChild>
          <Link href={`/workflows/${workflow.id}`}>Open the editor</Link>
        </Button>
      </PageHeader>
      {workflow.pausedReason && <p className="text-sm text-muted-foreground">{workflow.pausedReason}</p>}
      <WorkflowControls
        workflowId={workflow.id}
        canEdit={hasRole(user.role, "editor")}
        status={status}
        draftChanged={draftChanged}
        canPublish={validation.ok}
        versions={workflow.versions.map((v) => ({ version: v.version, note: v.note, createdAt: v.createdAt.toISOString(), current: v.id === workflow.publishedVersionId }))}
        actions={{ publish: publishAction, setEnabled: setEnabledAction, rollback: rollbackAction }}
      />
      <WorkflowSummary steps={steps} errors={validation.errors} warnings={validation.warnings} />
    </div>
  );
}
