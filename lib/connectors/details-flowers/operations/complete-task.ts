/** Mark a task done, found by id or by its linked GHL task; an unlinked GHL task is created done. */
import { z } from "zod";
import { defineOperation } from "../../define";
import { FatalError } from "../../errors";
import { callDf } from "../call";
import { dfOperations } from "../generated/operations";
import { CompleteTaskRequest, Task, TaskCreate } from "../generated/schemas";
import { defined, writeLinked } from "../linked-write";
import { clientRefInput, createdFlag, ghlIdInput, recordIdInput } from "./linked-inputs";
import { sampleTask } from "./samples";

export const completeTaskInput = z.object({
  taskId: recordIdInput("task"),
  ghlTaskId: ghlIdInput("task"),
  ...clientRefInput,
  completedAt: CompleteTaskRequest.shape.completedAt,
  title: TaskCreate.shape.title.optional().describe("Task title; used only when the GHL task must first be created in Details Flowers"),
});
export const completeTaskOutput = z.object({ task: Task.describe("The completed task"), created: createdFlag("task") });

export const completeTask = defineOperation({
  key: "details-flowers.task.complete",
  connector: "details-flowers",
  resource: "task",
  label: "Complete task",
  description: "Marks a task done (completing a done task changes nothing). Finds it by Details Flowers id or linked GHL task.",
  effect: "write",
  scopes: ["write"],
  input: completeTaskInput,
  output: completeTaskOutput,
  example: { input: { ghlTaskId: "tsk_91" }, output: { task: { ...sampleTask, completed: true, completedAt: "2026-01-20T09:30:00.000Z" }, created: false } },
  async run(ctx, input) {
    const { taskId, ghlTaskId, ghlContactId, clientId, completedAt, title } = input;
    if (!taskId && !ghlTaskId) throw new FatalError("Give the Details Flowers task id or the GHL task id of the task to complete.");
    const { record, created } = await writeLinked(ctx, "task", { recordId: taskId, ghlId: ghlTaskId, ghlContactId, clientId }, {
      update: async (id, externalIds, key) => {
        const done = await callDf(ctx.http, dfOperations.completeTask, { path: { id }, body: defined({ completedAt }), idempotencyKey: key });
        // Completing does not carry externalIds; link the GHL id with a separate, idempotent patch when it is missing.
        if (!externalIds || done.externalIds.ghl === externalIds.ghl) return done;
        return callDf(ctx.http, dfOperations.updateTask, { path: { id }, body: { externalIds }, idempotencyKey: `${key}:link` });
      },
      create: (client, externalIds, key) => {
        if (!title) throw new FatalError(`GHL task ${ghlTaskId} is not in Details Flowers yet, and creating it needs a title.`);
        return callDf(ctx.http, dfOperations.createTask, { path: { id: client }, body: { title, completed: true, ...defined({ externalIds }) }, idempotencyKey: key });
      },
    });
    return { task: record, created };
  },
});
