/** Get order or proposal (read-only). */
import { defineOperation } from "../../define";
import { callDf } from "../call";
import { dfOperations } from "../generated/operations";
import { Order } from "../generated/schemas";

const spec = dfOperations.getOrder;

export const getOrder = defineOperation({
  key: "details-flowers.order.get",
  connector: "details-flowers",
  resource: "order",
  label: "Get order or proposal",
  description: "Returns one order or proposal by its Details Flowers id (read-only).",
  effect: "read",
  scopes: ["read"],
  input: spec.pathParams,
  output: Order,
  run: (ctx, input) => callDf(ctx.http, spec, { path: input }),
});
