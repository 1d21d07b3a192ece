/** Delete webhook subscription; a record that is already gone counts as deleted, so retries succeed. */
import { defineOperation } from "../../define";
import { deleteResult, deleteWith } from "./delete-common";
import { dfOperations } from "../generated/operations";

const spec = dfOperations.deleteWebhook;

export const deleteWebhook = defineOperation({
  key: "details-flowers.webhook.delete",
  connector: "details-flowers",
  resource: "webhook",
  label: "Delete webhook subscription",
  description: "Stops deliveries to a webhook subscription. Deleting something already deleted succeeds.",
  effect: "write",
  scopes: ["write"],
  input: spec.pathParams,
  output: deleteResult,
  run: (ctx, input) => deleteWith(ctx, spec, input.id),
});
