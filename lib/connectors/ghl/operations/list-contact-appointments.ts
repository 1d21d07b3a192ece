import { defineOperation } from "../../define";
import { ghlOperationSpecs } from "../generated/operations";
import { GetAppointmentsForContactPathParams, GetEventsSuccessfulResponseDto } from "../generated/schemas";
import { exampleAppointment, exampleContactId } from "./examples";
import { ghlCall, seg } from "./request";

const spec = ghlOperationSpecs["get-appointments-for-contact"];

export const listContactAppointments = defineOperation({
  key: "ghl.appointment.list",
  connector: "ghl",
  resource: "appointment",
  label: "List appointments of contact",
  description: "Lists the calendar appointments booked with a contact. Times may come without a time zone.",
  effect: "read",
  scopes: spec.scopes,
  input: GetAppointmentsForContactPathParams,
  output: GetEventsSuccessfulResponseDto,
  example: { input: { contactId: exampleContactId }, output: { events: [exampleAppointment] } },
  async run(ctx, { contactId }) {
    return GetEventsSuccessfulResponseDto.parse(await ghlCall(ctx, { method: "GET", path: `/contacts/${seg(contactId)}/appointments` }));
  },
});
