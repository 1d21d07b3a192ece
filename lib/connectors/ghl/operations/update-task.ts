import { defineOperation } from "../../define";
import { ghlOperationSpecs } from "../generated/operations";
import { TaskByIsSuccessfulResponseDto, UpdateTaskBody, UpdateTaskPathParams } from "../generated/schemas";
import { exampleContactId, exampleTask } from "./examples";
import { ghlCall, seg } from "./request";

const spec = ghlOperationSpecs["update-task"];

export const updateTask = defineOperation({
  key: "ghl.task.update",
  connector: "ghl",
  resource: "task",
  label: "Update task",
  description: "Changes the title, details, due date, assignee or done state of a task.",
  effect: "write",
  scopes: spec.scopes,
  input: UpdateTaskPathParams.extend(UpdateTaskBody.shape),
  output: TaskByIsSuccessfulResponseDto,
  example: {
    input: { contactId: exampleContactId, taskId: exampleTask.id, dueDate: "2026-03-21T17:00:00Z" },
    output: { task: { ...exampleTask, dueDate: "2026-03-21T17:00:00.000Z" } },
  },
  async run(ctx, { contactId, taskId, ...body }) {
    const res = await ghlCall(ctx, { method: "PUT", path: `/contacts/${seg(contactId)}/tasks/${seg(taskId)}`, body });
    return TaskByIsSuccessfulResponseDto.parse(res);
  },
});
