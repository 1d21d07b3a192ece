/** Delete task; a record that is already gone counts as deleted, so retries succeed. */
import { defineOperation } from "../../define";
import { deleteResult, deleteWith } from "./delete-common";
import { dfOperations } from "../generated/operations";

const spec = dfOperations.deleteTask;

export const deleteTask = defineOperation({
  key: "details-flowers.task.delete",
  connector: "details-flowers",
  resource: "task",
  label: "Delete task",
  description: "Soft-deletes a task. Deleting something already deleted succeeds.",
  effect: "write",
  scopes: ["write"],
  input: spec.pathParams,
  output: deleteResult,
  run: (ctx, input) => deleteWith(ctx, spec, input.id),
});
