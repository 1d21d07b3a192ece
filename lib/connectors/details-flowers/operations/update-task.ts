/**
 * Update a task by Details Flowers id or by the GHL task linked to it. A GHL task that is not
 * linked yet is created under the client, so a sync can send every change through here.
 */
import { z } from "zod";
import { defineOperation } from "../../define";
import { FatalError } from "../../errors";
import { callDf } from "../call";
import { dfOperations } from "../generated/operations";
import { Task, TaskPatch } from "../generated/schemas";
import { defined, writeLinked } from "../linked-write";
import { normalizeEmail } from "../normalize";
import { clientRefInput, createdFlag, ghlIdInput, recordIdInput } from "./linked-inputs";
import { sampleTask } from "./samples";

export const updateTaskInput = z.object({
  taskId: recordIdInput("task"),
  ghlTaskId: ghlIdInput("task"),
  ...clientRefInput,
  ...TaskPatch.omit({ externalIds: true }).shape,
});
export const updateTaskOutput = z.object({ task: Task.describe("The task after the write"), created: createdFlag("task") });

export const updateTask = defineOperation({
  key: "details-flowers.task.update",
  connector: "details-flowers",
  resource: "task",
  label: "Update task",
  description: "Changes the given fields of a task, found by its Details Flowers id or its linked GHL task. Creates it (linked) when the GHL task was never sent.",
  effect: "write",
  scopes: ["write"],
  input: updateTaskInput,
  output: updateTaskOutput,
  example: { input: { ghlTaskId: "tsk_91", ghlContactId: "ocQHyuzHvysMo5N5VsXc", dueAt: "2026-02-02T17:00:00Z" }, output: { task: sampleTask, created: false } },
  async run(ctx, input) {
    const { taskId, ghlTaskId, ghlContactId, clientId, ...rest } = input;
    if (!taskId && !ghlTaskId) throw new FatalError("Give the Details Flowers task id or the GHL task id of the task to update.");
    const body = defined({ ...rest, assigneeEmail: normalizeEmail(rest.assigneeEmail) });
    const { record, created } = await writeLinked(ctx, "task", { recordId: taskId, ghlId: ghlTaskId, ghlContactId, clientId }, {
      update: (id, externalIds, key) =>
        callDf(ctx.http, dfOperations.updateTask, { path: { id }, body: defined({ ...body, externalIds }), idempotencyKey: key }),
      create: (client, externalIds, key) => {
        if (!rest.title) throw new FatalError(`GHL task ${ghlTaskId} is not in Details Flowers yet, and creating it needs a title.`);
        return callDf(ctx.http, dfOperations.createTask, { path: { id: client }, body: { ...defined({ ...body, externalIds }), title: rest.title }, idempotencyKey: key });
      },
    });
    return { task: record, created };
  },
});
