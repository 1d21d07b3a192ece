import { apiRoute } from "../api";
import { changeTags, patchContact } from "../contact-service";
import { unprocessable } from "../http";
import type { Router } from "../router";

export function bulkRoutes(r: Router) {
  r.add("POST", "/contacts/bulk/tags/update/:type", apiRoute("create-association", ({ sb, ctx, location, body }) => {
    const type = ctx.params.type;
    if (type !== "add" && type !== "remove") throw unprocessable(["type must be one of the following values: add, remove"]);
    const responses: string[] = [];
    let errorCount = 0;
    for (const id of body.contacts as string[]) {
      const c = sb.store.data.contacts[id];
      if (!c || c.locationId !== location.id) {
        errorCount++;
        responses.push(`Contact with id ${id} not found`);
        continue;
      }
      changeTags(sb, c, body.tags, type, type === "remove" && body.removeAllTags === true);
      responses.push(id);
    }
    return { body: { succeded: errorCount === 0, errorCount, responses } };
  }));

  r.add("POST", "/contacts/bulk/business", apiRoute("add-remove-contact-from-business", ({ sb, location, body }) => {
    const ids: string[] = [];
    for (const id of body.ids as string[]) {
      const c = sb.store.data.contacts[id];
      if (!c || c.locationId !== location.id) continue;
      patchContact(sb, c, { businessId: body.businessId ?? null }, ["ContactUpdate"]);
      ids.push(id);
    }
    return { body: { success: true, ids } };
  }));
}
