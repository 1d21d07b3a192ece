/** Test helper: a workflow with runs inserted directly (no engine), for list/stream/stats tests. */
import { db } from "@/lib/db/client";

type RunSeed = { status?: "succeeded" | "failed" | "cancelled" | "waiting" | "running" | "queued"; delivery?: string; email?: string; at?: Date };

export async function seedWorkflow(name = `runs ${crypto.randomUUID().slice(0, 6)}`) {
  const workflow = await db().workflow.create({ data: { name, draftGraph: {} } });
  const version = await db().workflowVersion.create({ data: { workflowId: workflow.id, version: 1, graph: {}, triggerKey: "ghl.contact.created" } });
  const addRun = async ({ status = "succeeded", delivery = "webhook", email, at = new Date() }: RunSeed = {}) => {
    const event = await db().triggerEvent.create({ data: { source: "ghl", delivery, dedupeKey: crypto.randomUUID(), eventType: "ghl.contact.created", payload: {}, receivedAt: at } });
    return db().run.create({
      data: { workflowId: workflow.id, workflowVersionId: version.id, eventId: event.id, triggerKey: "ghl.contact.created", delivery, status, subjectEmail: email, subjectName: email ? "Poppy Field" : null, createdAt: at },
    });
  };
  return { workflow, addRun };
}
