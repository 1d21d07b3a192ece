/** Delete appointment; a record that is already gone counts as deleted, so retries succeed. */
import { defineOperation } from "../../define";
import { deleteResult, deleteWith } from "./delete-common";
import { dfOperations } from "../generated/operations";

const spec = dfOperations.deleteAppointment;

export const deleteAppointment = defineOperation({
  key: "details-flowers.appointment.delete",
  connector: "details-flowers",
  resource: "appointment",
  label: "Delete appointment",
  description: "Soft-deletes an appointment. Deleting something already deleted succeeds.",
  effect: "write",
  scopes: ["write"],
  input: spec.pathParams,
  output: deleteResult,
  run: (ctx, input) => deleteWith(ctx, spec, input.id),
});
