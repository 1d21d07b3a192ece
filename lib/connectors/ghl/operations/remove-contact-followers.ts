import { defineOperation } from "../../define";
import { ghlOperationSpecs } from "../generated/operations";
import { DeleteFollowersSuccessfulResponseDto, FollowersDTO, RemoveFollowersContactPathParams } from "../generated/schemas";
import { exampleContactId } from "./examples";
import { ghlCall, seg } from "./request";

const spec = ghlOperationSpecs["remove-followers-contact"];

export const removeContactFollowers = defineOperation({
  key: "ghl.contact.followers.remove",
  connector: "ghl",
  resource: "contact",
  label: "Remove followers from contact",
  description: "Removes users from the followers of a contact.",
  effect: "write",
  scopes: spec.scopes,
  input: RemoveFollowersContactPathParams.extend({ followers: FollowersDTO.shape.followers.describe("User ids to remove as followers") }),
  output: DeleteFollowersSuccessfulResponseDto,
  example: {
    input: { contactId: exampleContactId, followers: ["sx6wyHhbFdRXh302Lunr"] },
    output: { followers: ["63e4qiWDsFJjOYAC8phG"], followersRemoved: ["sx6wyHhbFdRXh302Lunr"] },
  },
  async run(ctx, { contactId, followers }) {
    const res = await ghlCall(ctx, { method: "DELETE", path: `/contacts/${seg(contactId)}/followers`, body: { followers } });
    return DeleteFollowersSuccessfulResponseDto.parse(res);
  },
});
