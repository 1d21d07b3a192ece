import { defineOperation } from "../../define";
import { ghlOperationSpecs } from "../generated/operations";
import { ContactsByIdSuccessfulResponseDto, GetContactPathParams } from "../generated/schemas";
import { exampleContact, exampleContactId } from "./examples";
import { ghlCall, seg } from "./request";

const spec = ghlOperationSpecs["get-contact"];

export const getContact = defineOperation({
  key: "ghl.contact.get",
  connector: "ghl",
  resource: "contact",
  label: "Get contact",
  description: "Fetches one contact by id, with tags, custom fields and DND settings.",
  effect: "read",
  scopes: spec.scopes,
  input: GetContactPathParams,
  output: ContactsByIdSuccessfulResponseDto,
  example: { input: { contactId: exampleContactId }, output: { contact: exampleContact } },
  async run(ctx, { contactId }) {
    return ContactsByIdSuccessfulResponseDto.parse(await ghlCall(ctx, { method: "GET", path: `/contacts/${seg(contactId)}` }));
  },
});
