"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action, HttpError } from "@/lib/auth/guard";
import { actorOf } from "@/lib/auth/principal";
import { recordAudit } from "@/lib/db/audit";
import { publishWorkflow, rollbackTo, saveDraft, setEnabled, WorkflowInvalidError } from "@/lib/db/workflows";

const id = z.uuid();

async function guarded<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof WorkflowInvalidError) throw new HttpError(422, "invalid_workflow", error.message);
    throw error;
  }
}

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
