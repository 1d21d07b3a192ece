/** Delete note; a record that is already gone counts as deleted, so retries succeed. */
import { defineOperation } from "../../define";
import { deleteResult, deleteWith } from "./delete-common";
import { dfOperations } from "../generated/operations";

const spec = dfOperations.deleteNote;

export const deleteNote = defineOperation({
  key: "details-flowers.note.delete",
  connector: "details-flowers",
  resource: "note",
  label: "Delete note",
  description: "Soft-deletes a note. Deleting something already deleted succeeds.",
  effect: "write",
  scopes: ["write"],
  input: spec.pathParams,
  output: deleteResult,
  run: (ctx, input) => deleteWith(ctx, spec, input.id),
});
