import { defineOperation } from "../../define";
import { ghlOperationSpecs } from "../generated/operations";
import { UpsertContactDto, UpsertContactsSuccessfulResponseDto } from "../generated/schemas";
import { exampleContact } from "./examples";
import { ghlCall, locationOf } from "./request";

const spec = ghlOperationSpecs["upsert-contact"];

const input = UpsertContactDto.extend({
  locationId: UpsertContactDto.shape.locationId.optional().describe("Location to upsert in; defaults to the connected location"),
});

export const upsertContact = defineOperation({
  key: "ghl.contact.upsert",
  connector: "ghl",
  resource: "contact",
  label: "Create or update contact",
  description:
    "Finds a contact by email or phone (in the order set under the location's Allow Duplicate Contact setting) and updates it, or creates one. Safe to retry. Tags given here replace all tags.",
  effect: "write",
  scopes: spec.scopes,
  input,
  output: UpsertContactsSuccessfulResponseDto,
  example: {
    input: { email: "maya@lindqvist-studio.com", firstName: "Maya", lastName: "Lindqvist", phone: "+15035550148" },
    output: { new: false, contact: exampleContact, traceId: "3f2b9c1e-7d4a-4c55-9a1e-8c0d2b7f6e11" },
  },
  async run(ctx, { locationId, ...body }) {
    const res = await ghlCall(ctx, { method: "POST", path: "/contacts/upsert", body: { ...body, locationId: locationOf(ctx, locationId) } });
    return UpsertContactsSuccessfulResponseDto.parse(res);
  },
});
