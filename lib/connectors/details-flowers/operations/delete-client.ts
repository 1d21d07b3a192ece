/** Delete client; a record that is already gone counts as deleted, so retries succeed. */
import { defineOperation } from "../../define";
import { deleteResult, deleteWith } from "./delete-common";
import { dfOperations } from "../generated/operations";

const spec = dfOperations.deleteClient;

export const deleteClient = defineOperation({
  key: "details-flowers.client.delete",
  connector: "details-flowers",
  resource: "client",
  label: "Delete client",
  description: "Soft-deletes a client and its tasks, notes and appointments (events and orders stay as history). Deleting something already deleted succeeds.",
  effect: "write",
  scopes: ["write"],
  input: spec.pathParams,
  output: deleteResult,
  run: (ctx, input) => deleteWith(ctx, spec, input.id),
});
