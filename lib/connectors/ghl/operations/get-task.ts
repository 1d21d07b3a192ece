import { defineOperation } from "../../define";
import { ghlOperationSpecs } from "../generated/operations";
import { GetTaskPathParams, TaskByIsSuccessfulResponseDto } from "../generated/schemas";
import { exampleContactId, exampleTask } from "./examples";
import { ghlCall, seg } from "./request";

const spec = ghlOperationSpecs["get-task"];

export const getTask = defineOperation({
  key: "ghl.task.get",
  connector: "ghl",
  resource: "task",
  label: "Get task",
  description: "Fetches one task of a contact.",
  effect: "read",
  scopes: spec.scopes,
  input: GetTaskPathParams,
  output: TaskByIsSuccessfulResponseDto,
  example: { input: { contactId: exampleContactId, taskId: exampleTask.id }, output: { task: exampleTask } },
  async run(ctx, { contactId, taskId }) {
    const res = await ghlCall(ctx, { method: "GET", path: `/contacts/${seg(contactId)}/tasks/${seg(taskId)}` });
    return TaskByIsSuccessfulResponseDto.parse(res);
  },
});
