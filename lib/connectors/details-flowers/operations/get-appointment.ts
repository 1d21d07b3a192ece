/** Get appointment (read-only). */
import { defineOperation } from "../../define";
import { callDf } from "../call";
import { dfOperations } from "../generated/operations";
import { Appointment } from "../generated/schemas";

const spec = dfOperations.getAppointment;

export const getAppointment = defineOperation({
  key: "details-flowers.appointment.get",
  connector: "details-flowers",
  resource: "appointment",
  label: "Get appointment",
  description: "Returns one appointment by its Details Flowers id.",
  effect: "read",
  scopes: ["read"],
  input: spec.pathParams,
  output: Appointment,
  run: (ctx, input) => callDf(ctx.http, spec, { path: input }),
});
