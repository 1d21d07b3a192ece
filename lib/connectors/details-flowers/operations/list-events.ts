/** List events (read-only). */
import { defineOperation } from "../../define";
import { callDf } from "../call";
import { dfOperations } from "../generated/operations";
import { EventList } from "../generated/schemas";

const spec = dfOperations.listEvents;

export const listEvents = defineOperation({
  key: "details-flowers.event.list",
  connector: "details-flowers",
  resource: "event",
  label: "List events",
  description: "Lists events across clients, oldest change first; filter by client or status.",
  effect: "read",
  scopes: ["read"],
  input: spec.query,
  output: EventList,
  run: (ctx, input) => callDf(ctx.http, spec, { query: input }),
});
