import { defineOperation } from "../../define";
import { ghlOperationSpecs } from "../generated/operations";
import { AddContactToWorkflowPathParams, ContactsWorkflowSuccessfulResponseDto, CreateWorkflowDto } from "../generated/schemas";
import { exampleContactId } from "./examples";
import { ghlCall, seg } from "./request";

const spec = ghlOperationSpecs["add-contact-to-workflow"];

export const addContactToWorkflow = defineOperation({
  key: "ghl.contact.workflow.add",
  connector: "ghl",
  resource: "contact",
  label: "Add contact to GHL workflow",
  description: "Starts a GHL automation workflow for a contact, optionally anchored at an event start time.",
  effect: "write",
  scopes: spec.scopes,
  input: AddContactToWorkflowPathParams.extend({
    eventStartTime: CreateWorkflowDto.shape.eventStartTime.describe("Event start time the workflow's waits are relative to, ISO-8601 with offset"),
  }),
  output: ContactsWorkflowSuccessfulResponseDto,
  example: {
    input: { contactId: exampleContactId, workflowId: "78559bb3-b920-461e-b010-7b2a2816d2a9", eventStartTime: "2026-06-14T15:00:00-07:00" },
    output: { succeded: true },
  },
  async run(ctx, { contactId, workflowId, ...body }) {
    const res = await ghlCall(ctx, { method: "POST", path: `/contacts/${seg(contactId)}/workflow/${seg(workflowId)}`, body });
    return ContactsWorkflowSuccessfulResponseDto.parse(res);
  },
});
