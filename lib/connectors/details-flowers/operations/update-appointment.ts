/** Update an appointment by id or by its linked GHL appointment; an unlinked one is created (linked). */
import { z } from "zod";
import { defineOperation } from "../../define";
import { FatalError } from "../../errors";
import { callDf } from "../call";
import { dfOperations } from "../generated/operations";
import { Appointment, AppointmentPatch } from "../generated/schemas";
import { defined, writeLinked } from "../linked-write";
import { clientRefInput, createdFlag, ghlIdInput, recordIdInput } from "./linked-inputs";
import { sampleAppointment } from "./samples";

export const updateAppointmentInput = z.object({
  appointmentId: recordIdInput("appointment"),
  ghlAppointmentId: ghlIdInput("appointment"),
  ...clientRefInput,
  ...AppointmentPatch.omit({ externalIds: true }).shape,
});
export const updateAppointmentOutput = z.object({
  appointment: Appointment.describe("The appointment after the write"),
  created: createdFlag("appointment"),
});

export const updateAppointment = defineOperation({
  key: "details-flowers.appointment.update",
  connector: "details-flowers",
  resource: "appointment",
  label: "Update appointment",
  description: "Reschedules or changes an appointment, found by its Details Flowers id or its linked GHL appointment. Creates it (linked) when the GHL appointment was never sent.",
  effect: "write",
  scopes: ["write"],
  input: updateAppointmentInput,
  output: updateAppointmentOutput,
  example: { input: { ghlAppointmentId: "appt_3", status: "cancelled" }, output: { appointment: { ...sampleAppointment, status: "cancelled" }, created: false } },
  async run(ctx, input) {
    const { appointmentId, ghlAppointmentId, ghlContactId, clientId, ...rest } = input;
    if (!appointmentId && !ghlAppointmentId) throw new FatalError("Give the Details Flowers appointment id or the GHL appointment id to update.");
    const fields = defined(rest);
    const { record, created } = await writeLinked(ctx, "appointment", { recordId: appointmentId, ghlId: ghlAppointmentId, ghlContactId, clientId }, {
      update: (id, externalIds, key) =>
        callDf(ctx.http, dfOperations.updateAppointment, { path: { id }, body: defined({ ...fields, externalIds }), idempotencyKey: key }),
      create: (client, externalIds, key) => {
        const { title, startsAt, endsAt } = rest;
        if (!title || !startsAt || !endsAt) {
          throw new FatalError(`GHL appointment ${ghlAppointmentId} is not in Details Flowers yet; creating it needs a title, startsAt and endsAt.`);
        }
        return callDf(ctx.http, dfOperations.createAppointment, {
          path: { id: client },
          body: { ...defined({ ...fields, externalIds }), title, startsAt, endsAt },
          idempotencyKey: key,
        });
      },
    });
    return { appointment: record, created };
  },
});
