import { defineOperation } from "../../define";
import { ghlOperationSpecs } from "../generated/operations";
import { TaskByIsSuccessfulResponseDto, UpdateTaskCompletedPathParams, UpdateTaskStatusParams } from "../generated/schemas";
import { exampleContactId, exampleTask } from "./examples";
import { ghlCall, seg } from "./request";

const spec = ghlOperationSpecs["update-task-completed"];

export const completeTask = defineOperation({
  key: "ghl.task.complete",
  connector: "ghl",
  resource: "task",
  label: "Mark task done or open",
  description: "Marks a task as completed, or reopens it when completed is false.",
  effect: "write",
  scopes: spec.scopes,
  input: UpdateTaskCompletedPathParams.extend({
    completed: UpdateTaskStatusParams.shape.completed.describe("true marks the task done, false reopens it"),
  }),
  output: TaskByIsSuccessfulResponseDto,
  example: { input: { contactId: exampleContactId, taskId: exampleTask.id, completed: true }, output: { task: { ...exampleTask, completed: true } } },
  async run(ctx, { contactId, taskId, completed }) {
    const res = await ghlCall(ctx, { method: "PUT", path: `/contacts/${seg(contactId)}/tasks/${seg(taskId)}/completed`, body: { completed } });
    return TaskByIsSuccessfulResponseDto.parse(res);
  },
});
