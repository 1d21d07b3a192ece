/** Get event (read-only). */
import { defineOperation } from "../../define";
import { callDf } from "../call";
import { dfOperations } from "../generated/operations";
import { Event } from "../generated/schemas";

const spec = dfOperations.getEvent;

export const getEvent = defineOperation({
  key: "details-flowers.event.get",
  connector: "details-flowers",
  resource: "event",
  label: "Get event",
  description: "Returns one event by its Details Flowers id.",
  effect: "read",
  scopes: ["read"],
  input: spec.pathParams,
  output: Event,
  run: (ctx, input) => callDf(ctx.http, spec, { path: input }),
});
