import Link from "next/link";
import { notFound } from "next/navigation";
import { Button } from "@/components/ui/button";
import { StatusBadge } from "@/components/ui/status-badge";
import { EnableSwitch } from "@/components/workflows/enable-switch";
import { RunSettings } from "@/components/workflows/run-settings";
import { WorkflowStudio } from "@/components/workflows/workflow-studio";
import { requireUser } from "@/lib/auth/guard";
import { hasRole } from "@/lib/auth/roles";
import { editorCatalog } from "@/lib/engine/catalog";
import { catalogKeyOf } from "@/lib/engine/graph";
import { workflowForEditor } from "@/lib/services/workflow-detail";
import { studioData } from "@/lib/services/workflow-studio";
import { catalogEntriesAction, publishAction, publishPreviewAction, saveDraftAction, setEnabledAction, setRunSettingsAction, testStepAction, testTriggerAction } from "./actions";

export const metadata = { title: "Workflow" };

const fileSlug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "workflow";

const studioActions = { loadCatalogEntries: catalogEntriesAction, saveDraft: saveDraftAction, publish: publishAction, publishPreview: publishPreviewAction, testStep: testStepAction, testTrigger: testTriggerAction };

export default async function WorkflowPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser();
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const [detail, data] = await Promise.all([workflowForEditor(id), studioData(id)]);
  if (!detail) notFound();
  const { workflow, graph, status } = detail;
  const canEdit = hasRole(user.role, "editor");
  return (
    // The shell's main area pads 2rem top and bottom; the editor takes the rest of the viewport.
    <div className="-my-2 flex h-[calc(100dvh-4rem)] min-h-[36rem] flex-col gap-3">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="truncate text-xl font-semibold tracking-tight">{workflow.name}</h1>
        <StatusBadge status={status} label={status === "published" ? `Published v${workflow.publishedVersion?.version}` : undefined} />
        {status !== "draft" && <EnableSwitch workflowId={workflow.id} enabled={workflow.enabled} disabled={!canEdit} setEnabled={setEnabledAction} />}
        {workflow.pausedReason && <span className="text-sm text-muted-foreground">{workflow.pausedReason}</span>}
        <div className="ml-auto flex gap-2">
          <RunSettings workflowId={workflow.id} maxConcurrentRuns={workflow.maxConcurrentRuns} canEdit={canEdit} save={setRunSettingsAction} />
          <Button variant="outline" size="sm" asChild>
            <Link href={`/workflows/${workflow.id}/versions`}>Versions ({workflow.versionCount})</Link>
          </Button>
          <Button variant="outline" size="sm" asChild>
            <Link href={`/runs?workflowId=${workflow.id}`}>Runs</Link>
          </Button>
          <Button variant="outline" size="sm" asChild>
            <a href={`/api/v1/workflows/${workflow.id}/export`} download={`${fileSlug(workflow.name)}.json`}>
              Export JSON
            </a>
          </Button>
        </div>
      </div>
      <div className="min-h-0 flex-1 overflow-hidden rounded-lg border">
        <WorkflowStudio
          workflowId={workflow.id}
          initialGraph={graph}
          catalog={editorCatalog(graph.nodes.map(catalogKeyOf))}
          connections={data.connections}
          samples={data.samples}
          runStatus={data.runStatus}
          canEdit={canEdit}
          actions={studioActions}
        />
      </div>
    </div>
  );
}
