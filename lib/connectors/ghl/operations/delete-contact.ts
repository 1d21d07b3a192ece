import { defineOperation } from "../../define";
import { ghlOperationSpecs } from "../generated/operations";
import { DeleteContactPathParams, DeleteContactsSuccessfulResponseDto } from "../generated/schemas";
import { exampleContactId } from "./examples";
import { ghlCall, seg } from "./request";

const spec = ghlOperationSpecs["delete-contact"];

export const deleteContact = defineOperation({
  key: "ghl.contact.delete",
  connector: "ghl",
  resource: "contact",
  label: "Delete contact",
  description: "Deletes a contact with its tasks and notes. This cannot be undone.",
  effect: "write",
  scopes: spec.scopes,
  input: DeleteContactPathParams,
  output: DeleteContactsSuccessfulResponseDto,
  example: { input: { contactId: exampleContactId }, output: { succeded: true } },
  async run(ctx, { contactId }) {
    return DeleteContactsSuccessfulResponseDto.parse(await ghlCall(ctx, { method: "DELETE", path: `/contacts/${seg(contactId)}` }));
  },
});
