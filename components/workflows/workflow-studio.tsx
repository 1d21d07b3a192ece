"use client";

import { useCallback } from "react";
import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import type { CatalogEntry, ConnectionSummary, NodeRunStatus, PublishResult, TestStepResult } from "@/components/canvas/types";
import type { ActionResult } from "@/lib/auth/guard";
import type { WorkflowGraph } from "@/lib/engine/graph";
import { usePublishConfirmation, type PublishPreview } from "./publish-dialog";

// Client-only: the server cannot measure nodes, so rendering the canvas there (and hydrating
// it) cost seconds on big workflows and showed nothing usable before the client took over.
const WorkflowEditor = dynamic(() => import("@/components/canvas/workflow-editor").then((m) => m.WorkflowEditor), {
  ssr: false,
  loading: () => (
    <div role="status" className="flex h-full items-center justify-center text-sm text-muted-foreground">
      Loading the editor…
    </div>
  ),
});

type Id = { id: string };
export type StudioActions = {
  loadCatalogEntries: (input: { keys: string[] }) => Promise<ActionResult<CatalogEntry[]>>;
  saveDraft: (input: Id & { graph: unknown }) => Promise<ActionResult<{ savedAt: string }>>;
  publish: (input: Id & { note?: string }) => Promise<ActionResult<{ version: number }>>;
  publishPreview: (input: Id) => Promise<ActionResult<PublishPreview & { errors: { message: string; nodeId?: string }[] }>>;
  testStep: (input: Id & { graph: unknown; nodeId: string; samples: Record<string, unknown> }) => Promise<ActionResult<TestStepResult>>;
  testTrigger: (input: Id & { graph: unknown }) => Promise<ActionResult<{ sample: unknown; message: string }>>;
};

type Props = {
  workflowId: string;
  initialGraph: WorkflowGraph;
  catalog: CatalogEntry[];
  connections: ConnectionSummary[];
  samples: Record<string, unknown>;
  runStatus: Record<string, NodeRunStatus>;
  canEdit: boolean;
  actions: StudioActions;
};

function unwrap<T>(result: ActionResult<T>): T {
  if (!result.ok) throw new Error(result.fields?.length ? `${result.error}: ${result.fields.map((f) => `${f.field} ${f.message}`).join("; ")}` : result.error);
  return result.data;
}

/** The workflow editor bound to this workflow's server actions. */
export function WorkflowStudio({ workflowId, actions, canEdit, ...data }: Props) {
  const router = useRouter();
  const { confirm, dialog } = usePublishConfirmation();
  const id = workflowId;

  const onSave = useCallback(async (graph: WorkflowGraph) => void unwrap(await actions.saveDraft({ id, graph })), [actions, id]);
  const onTestStep = useCallback(
    async (nodeId: string, graph: WorkflowGraph, samples: Record<string, unknown>) => unwrap(await actions.testStep({ id, graph, nodeId, samples })),
    [actions, id],
  );
  const loadCatalogEntries = useCallback(async (keys: string[]) => unwrap(await actions.loadCatalogEntries({ keys })), [actions]);
  const onTestTrigger = useCallback(async (graph: WorkflowGraph) => unwrap(await actions.testTrigger({ id, graph })), [actions, id]);
  const onPublish = useCallback(async (): Promise<PublishResult> => {
    const preview = unwrap(await actions.publishPreview({ id }));
    if (preview.errors.length) return { errors: preview.errors };
    const note = await confirm(preview);
    if (note === null) return { cancelled: true };
    const result = await actions.publish({ id, note: note || undefined });
    if (!result.ok) return { errors: [result.error] };
    router.refresh();
    return { ok: true, message: `Published version ${result.data.version}` };
  }, [actions, confirm, id, router]);

  return (
    <>
      <WorkflowEditor
        {...data}
        readOnly={!canEdit}
        loadCatalogEntries={loadCatalogEntries}
        onSave={onSave}
        onPublish={canEdit ? onPublish : undefined}
        onTestStep={canEdit ? onTestStep : undefined}
        onTestTrigger={canEdit ? onTestTrigger : undefined}
      />
      {dialog}
    </>
  );
}
