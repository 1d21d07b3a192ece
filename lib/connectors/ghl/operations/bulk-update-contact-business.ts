import { defineOperation } from "../../define";
import { ghlOperationSpecs } from "../generated/operations";
import { ContactsBulkUpateResponse, ContactsBusinessUpdate } from "../generated/schemas";
import { exampleContactId } from "./examples";
import { ghlCall, locationOf } from "./request";

const spec = ghlOperationSpecs["add-remove-contact-from-business"];

const input = ContactsBusinessUpdate.extend({
  locationId: ContactsBusinessUpdate.shape.locationId.optional().describe("Location of the contacts; defaults to the connected location"),
  ids: ContactsBusinessUpdate.shape.ids.describe("Contacts to link or unlink"),
  businessId: ContactsBusinessUpdate.shape.businessId.describe("Business to link the contacts to; null removes their business"),
});

export const bulkUpdateContactBusiness = defineOperation({
  key: "ghl.contacts.business.bulk-update",
  connector: "ghl",
  resource: "contact",
  label: "Add or remove contacts from a business",
  description: "Links many contacts to a business at once, or unlinks them when the business is null.",
  effect: "write",
  scopes: spec.scopes,
  input,
  output: ContactsBulkUpateResponse,
  example: {
    input: { ids: [exampleContactId], businessId: "641c094001436dbc2081e642" },
    output: { success: true, ids: [exampleContactId] },
  },
  async run(ctx, { locationId, ...body }) {
    const res = await ghlCall(ctx, { method: "POST", path: "/contacts/bulk/business", body: { ...body, locationId: locationOf(ctx, locationId) } });
    return ContactsBulkUpateResponse.parse(res);
  },
});
