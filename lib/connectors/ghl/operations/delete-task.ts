import { defineOperation } from "../../define";
import { ghlOperationSpecs } from "../generated/operations";
import { DeleteTaskPathParams, DeleteTaskSuccessfulResponseDto } from "../generated/schemas";
import { exampleContactId, exampleTask } from "./examples";
import { ghlCall, seg } from "./request";

const spec = ghlOperationSpecs["delete-task"];

export const deleteTask = defineOperation({
  key: "ghl.task.delete",
  connector: "ghl",
  resource: "task",
  label: "Delete task",
  description: "Deletes a task of a contact.",
  effect: "write",
  scopes: spec.scopes,
  input: DeleteTaskPathParams,
  output: DeleteTaskSuccessfulResponseDto,
  example: { input: { contactId: exampleContactId, taskId: exampleTask.id }, output: { succeded: true } },
  async run(ctx, { contactId, taskId }) {
    const res = await ghlCall(ctx, { method: "DELETE", path: `/contacts/${seg(contactId)}/tasks/${seg(taskId)}` });
    return DeleteTaskSuccessfulResponseDto.parse(res);
  },
});
