import { defineOperation } from "../../define";
import { ghlOperationSpecs } from "../generated/operations";
import { AddTagsPathParams, CreateAddTagSuccessfulResponseDto, TagsDTO } from "../generated/schemas";
import { exampleContactId } from "./examples";
import { ghlCall, seg } from "./request";

const spec = ghlOperationSpecs["add-tags"];

export const addContactTags = defineOperation({
  key: "ghl.contact.tags.add",
  connector: "ghl",
  resource: "contact",
  label: "Add tags to contact",
  description: "Adds tags to a contact, keeping the tags it already has.",
  effect: "write",
  scopes: spec.scopes,
  input: AddTagsPathParams.extend({ tags: TagsDTO.shape.tags.describe("Tags to add") }),
  output: CreateAddTagSuccessfulResponseDto,
  example: { input: { contactId: exampleContactId, tags: ["wedding"] }, output: { tags: ["vip", "wedding"] } },
  async run(ctx, { contactId, tags }) {
    const res = await ghlCall(ctx, { method: "POST", path: `/contacts/${seg(contactId)}/tags`, body: { tags } });
    return CreateAddTagSuccessfulResponseDto.parse(res);
  },
});
