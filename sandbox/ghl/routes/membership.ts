import { apiRoute } from "../api";
import { changeTags, patchContact } from "../contact-service";
import type { Router } from "../router";

/** Tags, followers, campaigns and workflows hanging off one contact. */
export function membershipRoutes(r: Router) {
  r.add("POST", "/contacts/:contactId/tags", apiRoute("add-tags", ({ sb, contact, body }) => ({
    body: { tags: changeTags(sb, contact, body.tags, "add").tags },
  })));

  r.add("DELETE", "/contacts/:contactId/tags", apiRoute("remove-tags", ({ sb, contact, body }) => ({
    body: { tags: changeTags(sb, contact, body.tags, "remove").tags },
  })));

  r.add("POST", "/contacts/:contactId/followers", apiRoute("add-followers-contact", ({ sb, contact, body }) => {
    const added = (body.followers as string[]).filter((f, i, all) => !contact.followers.includes(f) && all.indexOf(f) === i);
    const updated = patchContact(sb, contact, { followers: [...contact.followers, ...added] });
    return { body: { followers: updated.followers, followersAdded: added } };
  }));

  r.add("DELETE", "/contacts/:contactId/followers", apiRoute("remove-followers-contact", ({ sb, contact, body }) => {
    const removed = contact.followers.filter((f) => (body.followers as string[]).includes(f));
    const updated = patchContact(sb, contact, { followers: contact.followers.filter((f) => !removed.includes(f)) });
    return { body: { followers: updated.followers, followersRemoved: removed } };
  }));

  r.add("POST", "/contacts/:contactId/campaigns/:campaignId", apiRoute("add-contact-to-campaign", ({ sb, ctx, contact }) => {
    const id = ctx.params.campaignId;
    if (!contact.campaigns.includes(id)) patchContact(sb, contact, { campaigns: [...contact.campaigns, id] });
    return { body: { succeded: true } };
  }));

  r.add("DELETE", "/contacts/:contactId/campaigns/removeAll", apiRoute("remove-contact-from-every-campaign", ({ sb, contact }) => {
    patchContact(sb, contact, { campaigns: [] });
    return { body: { succeded: true } };
  }));

  r.add("DELETE", "/contacts/:contactId/campaigns/:campaignId", apiRoute("remove-contact-from-campaign", ({ sb, ctx, contact }) => {
    patchContact(sb, contact, { campaigns: contact.campaigns.filter((c) => c !== ctx.params.campaignId) });
    return { body: { succeded: true } };
  }));

  r.add("POST", "/contacts/:contactId/workflow/:workflowId", apiRoute("add-contact-to-workflow", ({ sb, ctx, contact }) => {
    const id = ctx.params.workflowId;
    if (!contact.workflows.includes(id)) patchContact(sb, contact, { workflows: [...contact.workflows, id] });
    return { body: { succeded: true } };
  }));

  r.add("DELETE", "/contacts/:contactId/workflow/:workflowId", apiRoute("delete-contact-from-workflow", ({ sb, ctx, contact }) => {
    patchContact(sb, contact, { workflows: contact.workflows.filter((w) => w !== ctx.params.workflowId) });
    return { body: { succeded: true } };
  }));
}
