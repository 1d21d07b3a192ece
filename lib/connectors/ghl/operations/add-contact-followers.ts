import { defineOperation } from "../../define";
import { ghlOperationSpecs } from "../generated/operations";
import { AddFollowersContactPathParams, CreateAddFollowersSuccessfulResponseDto, FollowersDTO } from "../generated/schemas";
import { exampleContactId } from "./examples";
import { ghlCall, seg } from "./request";

const spec = ghlOperationSpecs["add-followers-contact"];

export const addContactFollowers = defineOperation({
  key: "ghl.contact.followers.add",
  connector: "ghl",
  resource: "contact",
  label: "Add followers to contact",
  description: "Adds users as followers of a contact so they get its notifications.",
  effect: "write",
  scopes: spec.scopes,
  input: AddFollowersContactPathParams.extend({ followers: FollowersDTO.shape.followers.describe("User ids to add as followers") }),
  output: CreateAddFollowersSuccessfulResponseDto,
  example: {
    input: { contactId: exampleContactId, followers: ["sx6wyHhbFdRXh302Lunr"] },
    output: { followers: ["63e4qiWDsFJjOYAC8phG", "sx6wyHhbFdRXh302Lunr"], followersAdded: ["sx6wyHhbFdRXh302Lunr"] },
  },
  async run(ctx, { contactId, followers }) {
    const res = await ghlCall(ctx, { method: "POST", path: `/contacts/${seg(contactId)}/followers`, body: { followers } });
    return CreateAddFollowersSuccessfulResponseDto.parse(res);
  },
});
