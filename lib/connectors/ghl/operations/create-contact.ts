import { defineOperation } from "../../define";
import { ghlOperationSpecs } from "../generated/operations";
import { CreateContactDto, CreateContactsSuccessfulResponseDto } from "../generated/schemas";
import { exampleContact } from "./examples";
import { ghlCall, locationOf } from "./request";

const spec = ghlOperationSpecs["create-contact"];

const input = CreateContactDto.extend({
  locationId: CreateContactDto.shape.locationId.optional().describe("Location to create the contact in; defaults to the connected location"),
});

export const createContact = defineOperation({
  key: "ghl.contact.create",
  connector: "ghl",
  resource: "contact",
  label: "Create contact",
  description:
    "Creates a contact. Fails with the existing contact's id when the location disallows duplicates and the email or phone is taken; use Upsert contact to update instead.",
  effect: "write",
  scopes: spec.scopes,
  input,
  output: CreateContactsSuccessfulResponseDto,
  example: {
    input: { firstName: "Maya", lastName: "Lindqvist", email: "maya@lindqvist-studio.com", phone: "+15035550148", tags: ["wedding"] },
    output: { contact: { ...exampleContact, tags: ["wedding"], deleted: false } },
  },
  async run(ctx, { locationId, ...body }) {
    const res = await ghlCall(ctx, { method: "POST", path: "/contacts/", body: { ...body, locationId: locationOf(ctx, locationId) } });
    return CreateContactsSuccessfulResponseDto.parse(res);
  },
});
