import { defineOperation } from "../../define";
import { ghlOperationSpecs } from "../generated/operations";
import { AddContactToCampaignPathParams, CreateDeleteCantactsCampaignsSuccessfulResponseDto } from "../generated/schemas";
import { exampleContactId } from "./examples";
import { ghlCall, seg } from "./request";

const spec = ghlOperationSpecs["add-contact-to-campaign"];

export const addContactToCampaign = defineOperation({
  key: "ghl.contact.campaign.add",
  connector: "ghl",
  resource: "contact",
  label: "Add contact to campaign",
  description: "Enrols a contact in a (legacy) campaign.",
  effect: "write",
  scopes: spec.scopes,
  input: AddContactToCampaignPathParams,
  output: CreateDeleteCantactsCampaignsSuccessfulResponseDto,
  example: { input: { contactId: exampleContactId, campaignId: "Y2I9XM7aO1hncuSOlc9L" }, output: { succeded: true } },
  async run(ctx, { contactId, campaignId }) {
    // The spec marks the (empty) body as required, so send `{}`.
    const res = await ghlCall(ctx, { method: "POST", path: `/contacts/${seg(contactId)}/campaigns/${seg(campaignId)}`, body: {} });
    return CreateDeleteCantactsCampaignsSuccessfulResponseDto.parse(res);
  },
});
