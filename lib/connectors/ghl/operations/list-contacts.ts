import { defineOperation } from "../../define";
import { ghlOperationSpecs } from "../generated/operations";
import { ContactsSearchSuccessfulResponseDto, GetContactsQuery } from "../generated/schemas";
import { exampleContact } from "./examples";
import { ghlCall, locationOf } from "./request";

const spec = ghlOperationSpecs["get-contacts"];

const input = GetContactsQuery.extend({
  locationId: GetContactsQuery.shape.locationId.optional().describe("Location to list; defaults to the connected location"),
});

export const listContacts = defineOperation({
  key: "ghl.contact.list",
  connector: "ghl",
  resource: "contact",
  label: "List contacts (deprecated)",
  description: "Lists contacts page by page (at most 100 per page). GHL deprecated this endpoint; prefer Search contacts.",
  effect: "read",
  scopes: spec.scopes,
  deprecated: { reason: "GHL deprecated GET /contacts/ in favour of POST /contacts/search.", useInstead: "ghl.contact.search" },
  input,
  output: ContactsSearchSuccessfulResponseDto,
  example: { input: { query: "Maya", limit: 20 }, output: { contacts: [exampleContact], count: 1 } },
  async run(ctx, { locationId, ...query }) {
    const res = await ghlCall(ctx, { method: "GET", path: "/contacts/", query: { ...query, locationId: locationOf(ctx, locationId) } });
    return ContactsSearchSuccessfulResponseDto.parse(res);
  },
});
