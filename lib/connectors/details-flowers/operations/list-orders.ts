/** List orders and proposals (read-only). */
import { defineOperation } from "../../define";
import { callDf } from "../call";
import { dfOperations } from "../generated/operations";
import { OrderList } from "../generated/schemas";

const spec = dfOperations.listOrders;

export const listOrders = defineOperation({
  key: "details-flowers.order.list",
  connector: "details-flowers",
  resource: "order",
  label: "List orders and proposals",
  description: "Lists orders and proposals (read-only), oldest change first; filter by client, event, status or kind.",
  effect: "read",
  scopes: ["read"],
  input: spec.query,
  output: OrderList,
  run: (ctx, input) => callDf(ctx.http, spec, { query: input }),
});
