import { admit } from "../api";
import { forbidden, sendJson, unauthorized } from "../http";
import type { Router } from "../router";

/**
 * Outside the vendored contacts spec, but connectors need it to map custom field ids
 * (ghl-api.md §2, "related read endpoints"). Scope: locations/customFields.readonly.
 */
export function locationRoutes(r: Router) {
  r.add("GET", "/locations/:locationId/customFields", (ctx) => {
    const auth = admit(ctx);
    if (auth.locationId !== ctx.params.locationId) throw forbidden("The token does not have access to this location.");
    if (!auth.scopes.includes("locations/customFields.readonly")) throw unauthorized("The token is not authorized for this scope.");
    const loc = ctx.sb.store.location(ctx.params.locationId);
    if (!loc) throw forbidden("The token does not have access to this location.");
    ctx.locationId = loc.id;
    const customFields = loc.customFields.map((f, i) => ({
      id: f.id,
      name: f.name,
      fieldKey: f.fieldKey,
      dataType: f.dataType,
      model: "contact",
      position: i * 50,
      locationId: loc.id,
      ...(f.picklistOptions ? { picklistOptions: f.picklistOptions } : {}),
    }));
    sendJson(ctx.res, 200, { customFields }, ctx.headers);
  });
}
