import { defineOperation } from "../../define";
import { ghlOperationSpecs } from "../generated/operations";
import { GetAllTasksPathParams, TasksListSuccessfulResponseDto } from "../generated/schemas";
import { exampleContactId, exampleTask } from "./examples";
import { ghlCall, seg } from "./request";

const spec = ghlOperationSpecs["get-all-tasks"];

export const listTasks = defineOperation({
  key: "ghl.task.list",
  connector: "ghl",
  resource: "task",
  label: "List tasks of contact",
  description: "Lists every task of a contact, done or not.",
  effect: "read",
  scopes: spec.scopes,
  input: GetAllTasksPathParams,
  output: TasksListSuccessfulResponseDto,
  example: { input: { contactId: exampleContactId }, output: { tasks: [exampleTask] } },
  async run(ctx, { contactId }) {
    return TasksListSuccessfulResponseDto.parse(await ghlCall(ctx, { method: "GET", path: `/contacts/${seg(contactId)}/tasks` }));
  },
});
