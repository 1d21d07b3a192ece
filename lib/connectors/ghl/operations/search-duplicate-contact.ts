import { defineOperation } from "../../define";
import { ghlOperationSpecs } from "../generated/operations";
import { GetDuplicateContactQuery, GetDuplicateContactSuccessfulResponseDto } from "../generated/schemas";
import { exampleContact } from "./examples";
import { ghlCall, locationOf } from "./request";

const spec = ghlOperationSpecs["get-duplicate-contact"];

const input = GetDuplicateContactQuery.extend({
  locationId: GetDuplicateContactQuery.shape.locationId.optional().describe("Location to look in; defaults to the connected location"),
  number: GetDuplicateContactQuery.shape.number.describe("Phone number, e.g. +15035550148 (encoding is handled for you)"),
  email: GetDuplicateContactQuery.shape.email.describe("Email address (encoding is handled for you)"),
});

export const searchDuplicateContact = defineOperation({
  key: "ghl.contact.search-duplicate",
  connector: "ghl",
  resource: "contact",
  label: "Find duplicate contact",
  description:
    "Finds the contact GHL would treat as a duplicate of this email or phone, using the location's duplicate-matching priority. Returns null when there is none.",
  effect: "read",
  scopes: spec.scopes,
  input,
  output: GetDuplicateContactSuccessfulResponseDto,
  example: { input: { email: "maya@lindqvist-studio.com" }, output: { contact: exampleContact } },
  async run(ctx, { locationId, ...query }) {
    const res = await ghlCall(ctx, { method: "GET", path: "/contacts/search/duplicate", query: { ...query, locationId: locationOf(ctx, locationId) } });
    return GetDuplicateContactSuccessfulResponseDto.parse(res);
  },
});
