import { defineOperation } from "../../define";
import { ghlOperationSpecs } from "../generated/operations";
import { CreateDeleteCantactsCampaignsSuccessfulResponseDto, RemoveContactFromCampaignPathParams } from "../generated/schemas";
import { exampleContactId } from "./examples";
import { ghlCall, seg } from "./request";

const spec = ghlOperationSpecs["remove-contact-from-campaign"];

export const removeContactFromCampaign = defineOperation({
  key: "ghl.contact.campaign.remove",
  connector: "ghl",
  resource: "contact",
  label: "Remove contact from campaign",
  description: "Takes a contact out of one campaign.",
  effect: "write",
  scopes: spec.scopes,
  input: RemoveContactFromCampaignPathParams,
  output: CreateDeleteCantactsCampaignsSuccessfulResponseDto,
  example: { input: { contactId: exampleContactId, campaignId: "Y2I9XM7aO1hncuSOlc9L" }, output: { succeded: true } },
  async run(ctx, { contactId, campaignId }) {
    const res = await ghlCall(ctx, { method: "DELETE", path: `/contacts/${seg(contactId)}/campaigns/${seg(campaignId)}` });
    return CreateDeleteCantactsCampaignsSuccessfulResponseDto.parse(res);
  },
});
