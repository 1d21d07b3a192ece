import { defineOperation } from "../../define";
import { ghlOperationSpecs } from "../generated/operations";
import { ContactsSearchSuccessfulResponseDto, GetContactsByBusinessIdPathParams, GetContactsByBusinessIdQuery } from "../generated/schemas";
import { exampleContact } from "./examples";
import { ghlCall, locationOf, seg } from "./request";

const spec = ghlOperationSpecs["get-contacts-by-businessId"];

const input = GetContactsByBusinessIdPathParams.extend(GetContactsByBusinessIdQuery.shape).extend({
  businessId: GetContactsByBusinessIdPathParams.shape.businessId.describe("Business whose contacts to list"),
  locationId: GetContactsByBusinessIdQuery.shape.locationId.optional().describe("Location of the business; defaults to the connected location"),
});

export const listBusinessContacts = defineOperation({
  key: "ghl.contact.list-by-business",
  connector: "ghl",
  resource: "contact",
  label: "List contacts of a business",
  description: "Lists the contacts linked to a business, with skip/limit paging and an optional text query.",
  effect: "read",
  scopes: spec.scopes,
  input,
  output: ContactsSearchSuccessfulResponseDto,
  example: {
    input: { businessId: "641c094001436dbc2081e642", limit: "25" },
    output: { contacts: [{ ...exampleContact, businessId: "641c094001436dbc2081e642" }], count: 1 },
  },
  async run(ctx, { businessId, locationId, ...query }) {
    const res = await ghlCall(ctx, {
      method: "GET",
      path: `/contacts/business/${seg(businessId)}`,
      query: { ...query, locationId: locationOf(ctx, locationId) },
    });
    return ContactsSearchSuccessfulResponseDto.parse(res);
  },
});
