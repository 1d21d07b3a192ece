import { defineOperation } from "../../define";
import { ghlOperationSpecs } from "../generated/operations";
import { CreateDeleteTagSuccessfulResponseDto, RemoveTagsPathParams, TagsDTO } from "../generated/schemas";
import { exampleContactId } from "./examples";
import { ghlCall, seg } from "./request";

const spec = ghlOperationSpecs["remove-tags"];

export const removeContactTags = defineOperation({
  key: "ghl.contact.tags.remove",
  connector: "ghl",
  resource: "contact",
  label: "Remove tags from contact",
  description: "Removes the given tags from a contact; other tags stay.",
  effect: "write",
  scopes: spec.scopes,
  input: RemoveTagsPathParams.extend({ tags: TagsDTO.shape.tags.describe("Tags to remove") }),
  output: CreateDeleteTagSuccessfulResponseDto,
  example: { input: { contactId: exampleContactId, tags: ["wedding"] }, output: { tags: ["vip"] } },
  async run(ctx, { contactId, tags }) {
    const res = await ghlCall(ctx, { method: "DELETE", path: `/contacts/${seg(contactId)}/tags`, body: { tags } });
    return CreateDeleteTagSuccessfulResponseDto.parse(res);
  },
});
