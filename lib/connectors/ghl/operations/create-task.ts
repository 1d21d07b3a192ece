import { defineOperation } from "../../define";
import { ghlOperationSpecs } from "../generated/operations";
import { CreateTaskParams, CreateTaskPathParams, TaskByIsSuccessfulResponseDto } from "../generated/schemas";
import { exampleContactId, exampleTask } from "./examples";
import { ghlCall, seg } from "./request";

const spec = ghlOperationSpecs["create-task"];

export const createTask = defineOperation({
  key: "ghl.task.create",
  connector: "ghl",
  resource: "task",
  label: "Create task",
  description: "Adds a task with a due date to a contact, optionally assigned to a user.",
  effect: "write",
  scopes: spec.scopes,
  input: CreateTaskPathParams.extend(CreateTaskParams.shape).extend({
    dueDate: CreateTaskParams.shape.dueDate.describe("Due date and time, ISO-8601, e.g. 2026-03-20T17:00:00Z"),
  }),
  output: TaskByIsSuccessfulResponseDto,
  example: {
    input: { contactId: exampleContactId, title: exampleTask.title, body: exampleTask.body, dueDate: "2026-03-20T17:00:00Z", completed: false },
    output: { task: exampleTask },
  },
  async run(ctx, { contactId, ...body }) {
    const res = await ghlCall(ctx, { method: "POST", path: `/contacts/${seg(contactId)}/tasks`, body });
    return TaskByIsSuccessfulResponseDto.parse(res);
  },
});
