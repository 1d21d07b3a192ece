import { defineOperation } from "../../define";
import { ghlOperationSpecs } from "../generated/operations";
import { UpdateContactDto, UpdateContactPathParams, UpdateContactsSuccessfulResponseDto } from "../generated/schemas";
import { exampleContact, exampleContactId } from "./examples";
import { ghlCall, seg } from "./request";

const spec = ghlOperationSpecs["update-contact"];

export const updateContact = defineOperation({
  key: "ghl.contact.update",
  connector: "ghl",
  resource: "contact",
  label: "Update contact",
  description:
    "Changes fields of an existing contact; fields left out stay as they are, null clears. Tags given here replace all tags — use Add/Remove tags for incremental changes.",
  effect: "write",
  scopes: spec.scopes,
  input: UpdateContactPathParams.extend(UpdateContactDto.shape),
  output: UpdateContactsSuccessfulResponseDto,
  example: {
    input: { contactId: exampleContactId, phone: "+15035550148", city: "Portland" },
    output: { succeded: true, contact: exampleContact },
  },
  async run(ctx, { contactId, ...body }) {
    const res = await ghlCall(ctx, { method: "PUT", path: `/contacts/${seg(contactId)}`, body });
    return UpdateContactsSuccessfulResponseDto.parse(res);
  },
});
