/** List appointments (read-only). */
import { defineOperation } from "../../define";
import { callDf } from "../call";
import { dfOperations } from "../generated/operations";
import { AppointmentList } from "../generated/schemas";

const spec = dfOperations.listAppointments;

export const listAppointments = defineOperation({
  key: "details-flowers.appointment.list",
  connector: "details-flowers",
  resource: "appointment",
  label: "List appointments",
  description: "Lists appointments across clients; filter by client, event, time window or status.",
  effect: "read",
  scopes: ["read"],
  input: spec.query,
  output: AppointmentList,
  run: (ctx, input) => callDf(ctx.http, spec, { query: input }),
});
