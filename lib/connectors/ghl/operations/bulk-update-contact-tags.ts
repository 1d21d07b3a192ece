import { defineOperation } from "../../define";
import { ghlOperationSpecs } from "../generated/operations";
import { CreateAssociationPathParams, UpdateTagsDTO, UpdateTagsResponseDTO } from "../generated/schemas";
import { exampleContactId } from "./examples";
import { ghlCall, locationOf, seg } from "./request";

const spec = ghlOperationSpecs["create-association"];

const input = CreateAssociationPathParams.extend(UpdateTagsDTO.shape).extend({
  locationId: UpdateTagsDTO.shape.locationId.optional().describe("Location of the contacts; defaults to the connected location"),
});

export const bulkUpdateContactTags = defineOperation({
  key: "ghl.contacts.tags.bulk-update",
  connector: "ghl",
  resource: "contact",
  label: "Add or remove tags on many contacts",
  description: "Adds or removes tags on up to many contacts in one call; the result lists the outcome per contact.",
  effect: "write",
  scopes: spec.scopes,
  input,
  output: UpdateTagsResponseDTO,
  example: {
    input: { type: "add", contacts: [exampleContactId], tags: ["spring-promo"] },
    output: {
      succeded: true,
      errorCount: 0,
      responses: [{ contactId: exampleContactId, message: "Tags updated", type: "success", oldTags: ["vip"], tagsAdded: ["spring-promo"], tagsRemoved: [] }],
    },
  },
  async run(ctx, { type, locationId, ...body }) {
    const res = await ghlCall(ctx, {
      method: "POST",
      path: `/contacts/bulk/tags/update/${seg(type)}`,
      body: { ...body, locationId: locationOf(ctx, locationId) },
    });
    return UpdateTagsResponseDTO.parse(res);
  },
});
