import { defineOperation } from "../../define";
import { ghlOperationSpecs } from "../generated/operations";
import { ContactsWorkflowSuccessfulResponseDto, CreateWorkflowDto, DeleteContactFromWorkflowPathParams } from "../generated/schemas";
import { exampleContactId } from "./examples";
import { ghlCall, seg } from "./request";

const spec = ghlOperationSpecs["delete-contact-from-workflow"];

export const removeContactFromWorkflow = defineOperation({
  key: "ghl.contact.workflow.remove",
  connector: "ghl",
  resource: "contact",
  label: "Remove contact from GHL workflow",
  description: "Stops a GHL automation workflow for a contact.",
  effect: "write",
  scopes: spec.scopes,
  input: DeleteContactFromWorkflowPathParams.extend(CreateWorkflowDto.shape),
  output: ContactsWorkflowSuccessfulResponseDto,
  example: { input: { contactId: exampleContactId, workflowId: "78559bb3-b920-461e-b010-7b2a2816d2a9" }, output: { succeded: true } },
  async run(ctx, { contactId, workflowId, ...body }) {
    const res = await ghlCall(ctx, { method: "DELETE", path: `/contacts/${seg(contactId)}/workflow/${seg(workflowId)}`, body });
    return ContactsWorkflowSuccessfulResponseDto.parse(res);
  },
});
