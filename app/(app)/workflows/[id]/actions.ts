"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action, HttpError } from "@/lib/auth/guard";
import { actorOf } from "@/lib/auth/principal";
import { recordAudit } from "@/lib/db/audit";
import { saveSample } from "@/lib/db/workflow-samples";
import { publishPreview, publishWorkflow, rollbackTo, saveDraft, setEnabled, withStoredSecrets, WorkflowInvalidError } from "@/lib/db/workflows";
import { catalogEntry } from "@/lib/engine/catalog";
import { migrateGraph, triggerOf } from "@/lib/engine/graph";
import { maxConcurrentRunsField } from "@/lib/engine/limits";
import { describeTestError } from "@/lib/engine/testing/describe-error";
import { testStep } from "@/lib/engine/testing/test-step";
import { sampleForTrigger } from "@/lib/engine/testing/trigger-sample";
import { setMaxConcurrentRuns } from "@/lib/services/workflows";

const id = z.uuid();

async function guarded<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof WorkflowInvalidError) throw new HttpError(422, "invalid_workflow", error.message);
    throw error;
  }
}

/** Full catalog entries for steps the editor was sent lean (see `editorCatalog`). */
export const catalogEntriesAction = action("viewer", z.object({ keys: z.array(z.string().max(200)).max(100) }), async (input) =>
  input.keys.flatMap((key) => catalogEntry(key) ?? []),
);

export const publishAction = action("editor", z.object({ id, note: z.string().max(200).optional() }), async (input, principal) => {
  const version = await guarded(() => publishWorkflow(input.id, { note: input.note, createdById: principal.kind === "user" ? principal.id : null }));
  await recordAudit({ ...actorOf(principal), action: "workflow.publish", target: input.id, details: { version: version.version } });
  revalidatePath(`/workflows/${input.id}`);
  return { version: version.version };
});

export const setEnabledAction = action("editor", z.object({ id, enabled: z.boolean() }), async (input, principal) => {
  await guarded(() => setEnabled(input.id, input.enabled));
  await recordAudit({ ...actorOf(principal), action: input.enabled ? "workflow.enable" : "workflow.pause", target: input.id });
  revalidatePath(`/workflows/${input.id}`);
  return { enabled: input.enabled };
});

export const setRunSettingsAction = action("editor", z.object({ id, maxConcurrentRuns: maxConcurrentRunsField }), async (input, principal) => {
  if (!(await setMaxConcurrentRuns(input.id, input.maxConcurrentRuns))) throw new HttpError(404, "not_found", "This workflow no longer exists");
  await recordAudit({ ...actorOf(principal), action: "workflow.update", target: input.id, details: { maxConcurrentRuns: input.maxConcurrentRuns } });
  revalidatePath(`/workflows/${input.id}`);
  return { maxConcurrentRuns: input.maxConcurrentRuns };
});

export const rollbackAction = action("editor", z.object({ id, version: z.number().int().positive() }), async (input, principal) => {
  const version = await guarded(() => rollbackTo(input.id, input.version, principal.kind === "user" ? principal.id : null));
  await recordAudit({ ...actorOf(principal), action: "workflow.rollback", target: input.id, details: { to: input.version, newVersion: version.version } });
  revalidatePath(`/workflows/${input.id}`);
  return { version: version.version };
});

export const saveDraftAction = action("editor", z.object({ id, graph: z.unknown() }), async (input, principal) => {
  await guarded(async () => {
    try {
      await saveDraft(input.id, input.graph);
    } catch (error) {
      const issues = (error as { issues?: { message: string }[] }).issues;
      throw new HttpError(422, "invalid_graph", issues ? issues.map((i) => i.message).join("; ") : (error as Error).message);
    }
  });
  await recordAudit({ ...actorOf(principal), action: "workflow.save_draft", target: input.id });
  return { savedAt: new Date().toISOString() };
});

const graphInput = { id, graph: z.unknown() };

/** "Test this step": runs it for real; the output becomes the step's sample for later mappings. */
export const testStepAction = action(
  "editor",
  z.object({ ...graphInput, nodeId: z.string().min(1), samples: z.record(z.string(), z.unknown()) }),
  async (input): Promise<{ output?: unknown; error?: string }> => {
    try {
      // The editor holds masked secrets; the step runs with the ones stored in the draft.
      const result = await testStep({ graph: await withStoredSecrets(input.id, input.graph), nodeId: input.nodeId, samples: input.samples });
      await saveSample(input.id, input.nodeId, result.output, "test");
      return { output: result.output };
    } catch (error) {
      const message = describeTestError(error);
      if (message === null) throw error;
      return { error: message };
    }
  },
);

/** "Test trigger": the latest real event, a polled record, or the documented example. */
export const testTriggerAction = action("editor", z.object(graphInput), async (input) => {
  const graph = migrateGraph(input.graph);
  const trigger = triggerOf(graph);
  if (!trigger) throw new HttpError(422, "no_trigger", "Add a trigger first");
  try {
    const result = await sampleForTrigger(trigger);
    await saveSample(input.id, trigger.id, result.sample, result.source);
    return result;
  } catch (error) {
    const message = describeTestError(error);
    if (message === null) throw error;
    throw new HttpError(422, "trigger_test_failed", message);
  }
});

/** What publishing would do now: the problems that block it, or the changes since the live version. */
export const publishPreviewAction = action("editor", z.object({ id }), async (input) => {
  const preview = await publishPreview(input.id);
  if (!preview) throw new HttpError(404, "not_found", "This workflow no longer exists");
  return preview;
});
