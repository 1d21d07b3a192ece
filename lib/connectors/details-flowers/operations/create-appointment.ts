/** Book an appointment with a client; a GHL appointment already linked is updated instead (retry-safe). */
import { z } from "zod";
import { defineOperation } from "../../define";
import { callDf } from "../call";
import { dfOperations } from "../generated/operations";
import { Appointment, AppointmentCreate } from "../generated/schemas";
import { defined, writeLinked } from "../linked-write";
import { clientRefInput, createdFlag, ghlIdInput } from "./linked-inputs";
import { sampleAppointment } from "./samples";

export const createAppointmentInput = z.object({
  ...clientRefInput,
  ghlAppointmentId: ghlIdInput("appointment"),
  ...AppointmentCreate.omit({ externalIds: true }).shape,
});
export const createAppointmentOutput = z.object({
  appointment: Appointment.describe("The appointment after the write"),
  created: createdFlag("appointment"),
});

export const createAppointment = defineOperation({
  key: "details-flowers.appointment.create",
  connector: "details-flowers",
  resource: "appointment",
  label: "Create appointment",
  description: "Books a consultation with the client linked to a GHL contact (or a given client). If the GHL appointment was already sent, it is updated instead of duplicated.",
  effect: "write",
  scopes: ["write"],
  input: createAppointmentInput,
  output: createAppointmentOutput,
  example: {
    input: { ghlContactId: "ocQHyuzHvysMo5N5VsXc", ghlAppointmentId: "appt_3", title: "Design consultation", startsAt: "2026-02-03T15:00:00Z", endsAt: "2026-02-03T16:00:00Z", location: "Studio" },
    output: { appointment: sampleAppointment, created: true },
  },
  async run(ctx, input) {
    const { ghlContactId, clientId, ghlAppointmentId, ...rest } = input;
    const { record, created } = await writeLinked(ctx, "appointment", { ghlId: ghlAppointmentId, ghlContactId, clientId }, {
      update: (id, externalIds, key) =>
        callDf(ctx.http, dfOperations.updateAppointment, { path: { id }, body: defined({ ...rest, externalIds }), idempotencyKey: key }),
      create: (client, externalIds, key) =>
        callDf(ctx.http, dfOperations.createAppointment, { path: { id: client }, body: { ...rest, ...defined({ externalIds }) }, idempotencyKey: key }),
    });
    return { appointment: record, created };
  },
});
