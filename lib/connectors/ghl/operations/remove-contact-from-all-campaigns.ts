import { defineOperation } from "../../define";
import { ghlOperationSpecs } from "../generated/operations";
import { CreateDeleteCantactsCampaignsSuccessfulResponseDto, RemoveContactFromEveryCampaignPathParams } from "../generated/schemas";
import { exampleContactId } from "./examples";
import { ghlCall, seg } from "./request";

const spec = ghlOperationSpecs["remove-contact-from-every-campaign"];

export const removeContactFromAllCampaigns = defineOperation({
  key: "ghl.contact.campaign.remove-all",
  connector: "ghl",
  resource: "contact",
  label: "Remove contact from all campaigns",
  description: "Takes a contact out of every campaign it is in.",
  effect: "write",
  scopes: spec.scopes,
  input: RemoveContactFromEveryCampaignPathParams,
  output: CreateDeleteCantactsCampaignsSuccessfulResponseDto,
  example: { input: { contactId: exampleContactId }, output: { succeded: true } },
  async run(ctx, { contactId }) {
    const res = await ghlCall(ctx, { method: "DELETE", path: `/contacts/${seg(contactId)}/campaigns/removeAll` });
    return CreateDeleteCantactsCampaignsSuccessfulResponseDto.parse(res);
  },
});
