import { defineOperation } from "../../define";
import { ghlOperationSpecs } from "../generated/operations";
import { SearchBodyV2DTO, SearchContactsSuccessfulResponseDto } from "../generated/schemas";
import { exampleContact } from "./examples";
import { ghlCall, locationOf } from "./request";

const spec = ghlOperationSpecs["search-contacts-advanced"];

const input = SearchBodyV2DTO.extend({
  locationId: SearchBodyV2DTO.shape.locationId.optional().describe("Location to search in; defaults to the connected location"),
});

export const searchContacts = defineOperation({
  key: "ghl.contact.search",
  connector: "ghl",
  resource: "contact",
  label: "Search contacts",
  description:
    "Finds contacts by free text and filters (eq, contains, exists, range…), sorted and paged. Results can lag recent writes by a few seconds.",
  effect: "read",
  scopes: spec.scopes,
  input,
  output: SearchContactsSuccessfulResponseDto,
  example: {
    input: { pageLimit: 20, page: 1, filters: [{ field: "tags", operator: "contains", value: "wedding" }], sort: [{ field: "dateUpdated", direction: "desc" }] },
    output: { contacts: [exampleContact], total: 1 },
  },
  async run(ctx, { locationId, ...body }) {
    const res = await ghlCall(ctx, { method: "POST", path: "/contacts/search", body: { ...body, locationId: locationOf(ctx, locationId) }, readOnly: true });
    return SearchContactsSuccessfulResponseDto.parse(res);
  },
});
