/** Get client (read-only). */
import { defineOperation } from "../../define";
import { callDf } from "../call";
import { dfOperations } from "../generated/operations";
import { Client } from "../generated/schemas";

const spec = dfOperations.getClient;

export const getClient = defineOperation({
  key: "details-flowers.client.get",
  connector: "details-flowers",
  resource: "client",
  label: "Get client",
  description: "Returns one client by its Details Flowers id.",
  effect: "read",
  scopes: ["read"],
  input: spec.pathParams,
  output: Client,
  run: (ctx, input) => callDf(ctx.http, spec, { path: input }),
});
