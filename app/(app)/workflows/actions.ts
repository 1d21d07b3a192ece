"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action, HttpError } from "@/lib/auth/guard";
import { actorOf } from "@/lib/auth/principal";
import { recordAudit } from "@/lib/db/audit";
import { createBlankWorkflow, createFromTemplate, deleteWorkflow, duplicateWorkflow, importWorkflowJson, renameWorkflow } from "@/lib/services/workflows";

const userId = (p: { kind: string; id: string }) => (p.kind === "user" ? p.id : null);
const name = z.string().trim().min(1, "Give the workflow a name").max(120);

export const createWorkflowAction = action("editor", z.object({ name, template: z.string().optional() }), async (input, principal) => {
  const workflow = input.template ? await createFromTemplate(input.template, userId(principal)) : await createBlankWorkflow(input.name, userId(principal));
  await recordAudit({ ...actorOf(principal), action: "workflow.create", target: workflow.id, details: { template: input.template ?? null } });
  revalidatePath("/workflows");
  return { id: workflow.id };
});

export const renameWorkflowAction = action("editor", z.object({ id: z.uuid(), name }), async (input, principal) => {
  await renameWorkflow(input.id, input.name);
  await recordAudit({ ...actorOf(principal), action: "workflow.rename", target: input.id, details: { name: input.name } });
  revalidatePath("/workflows");
  return { id: input.id };
});

export const duplicateWorkflowAction = action("editor", z.object({ id: z.uuid() }), async ({ id }, principal) => {
  const copy = await duplicateWorkflow(id, userId(principal));
  await recordAudit({ ...actorOf(principal), action: "workflow.duplicate", target: copy.id, details: { from: id } });
  revalidatePath("/workflows");
  return { id: copy.id };
});

export const deleteWorkflowAction = action("editor", z.object({ id: z.uuid() }), async ({ id }, principal) => {
  await deleteWorkflow(id);
  await recordAudit({ ...actorOf(principal), action: "workflow.delete", target: id });
  revalidatePath("/workflows");
  return { id };
});

export const importWorkflowAction = action("editor", z.object({ json: z.string().min(2, "Paste the exported JSON") }), async ({ json }, principal) => {
  try {
    const workflow = await importWorkflowJson(json, userId(principal));
    await recordAudit({ ...actorOf(principal), action: "workflow.import", target: workflow.id });
    revalidatePath("/workflows");
    return { id: workflow.id };
  } catch (error) {
    const issues = (error as { issues?: { path?: unknown[]; message: string }[] }).issues;
    const detail = issues?.length ? issues.slice(0, 3).map((i) => `${(i.path ?? []).join(".") || "file"}: ${i.message}`).join("; ") : (error as Error).message;
    throw new HttpError(422, "invalid_import", `This is not a Bloombridge workflow export (${detail})`);
  }
});
