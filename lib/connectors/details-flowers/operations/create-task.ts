/** Create a task for a client; a GHL task already linked is updated instead (retry-safe). */
import { z } from "zod";
import { defineOperation } from "../../define";
import { callDf } from "../call";
import { dfOperations } from "../generated/operations";
import { Task, TaskCreate } from "../generated/schemas";
import { defined, writeLinked } from "../linked-write";
import { normalizeEmail } from "../normalize";
import { clientRefInput, createdFlag, ghlIdInput } from "./linked-inputs";
import { sampleTask } from "./samples";

export const createTaskInput = z.object({ ...clientRefInput, ghlTaskId: ghlIdInput("task"), ...TaskCreate.omit({ externalIds: true }).shape });
export const createTaskOutput = z.object({ task: Task.describe("The task after the write"), created: createdFlag("task") });

export const createTask = defineOperation({
  key: "details-flowers.task.create",
  connector: "details-flowers",
  resource: "task",
  label: "Create task",
  description: "Adds a to-do to the client linked to a GHL contact (or a given client). If the GHL task was already sent, it is updated instead of duplicated.",
  effect: "write",
  scopes: ["write"],
  input: createTaskInput,
  output: createTaskOutput,
  example: {
    input: { ghlContactId: "ocQHyuzHvysMo5N5VsXc", ghlTaskId: "tsk_91", title: "Call about centrepieces", dueAt: "2026-02-01T17:00:00Z" },
    output: { task: sampleTask, created: true },
  },
  async run(ctx, input) {
    const { ghlContactId, clientId, ghlTaskId, ...rest } = input;
    const body = defined({ ...rest, assigneeEmail: normalizeEmail(rest.assigneeEmail) });
    const { record, created } = await writeLinked(ctx, "task", { ghlId: ghlTaskId, ghlContactId, clientId }, {
      update: (id, externalIds, key) =>
        callDf(ctx.http, dfOperations.updateTask, { path: { id }, body: defined({ ...body, externalIds }), idempotencyKey: key }),
      create: (client, externalIds, key) =>
        callDf(ctx.http, dfOperations.createTask, { path: { id: client }, body: { ...defined({ ...body, externalIds }), title: rest.title }, idempotencyKey: key }),
    });
    return { task: record, created };
  },
});
