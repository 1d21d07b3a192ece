/** Read-only orders, the change feed and webhook subscriptions. */
import { invalid, notFound } from "../http-util";
import type { Webhook } from "../types";
import { filterBy, live, nowIso, paginate, type Handler } from "./common";

export const listOrders: Handler = ({ store, query }) =>
  ({ status: 200, body: paginate(filterBy(Object.values(store.state.records.order), query, ["clientId", "eventId", "status", "kind"]), query) });

export const getOrder: Handler = ({ store, params }) => ({ status: 200, body: live(store, "order", params.id) });

export const listChanges: Handler = ({ store, query }) => {
  const since = Number(query.since ?? "0");
  const types = Array.isArray(query.types) && query.types.length ? new Set(query.types as string[]) : null;
  const limit = typeof query.limit === "number" ? query.limit : 50;
  const matching = store.state.changes.filter((c) => c.seq > since && (!types || types.has(c.type)));
  const data = matching.slice(0, limit);
  const hasMore = matching.length > limit;
  // With nothing more to read, skip past changes the type filter hid so the next poll starts fresh.
  const next = hasMore ? data[data.length - 1].seq : Math.max(since, store.state.seq);
  return { status: 200, body: { data, nextCursor: String(next), hasMore } };
};

export const listWebhooks: Handler = ({ store }) => ({ status: 200, body: { data: Object.values(store.state.webhooks) } });

export const createWebhook: Handler = ({ store, options, body }) => {
  const url = String(body!.url);
  if (!/^https?:\/\//i.test(url)) throw invalid("url", "must be an http(s) URL");
  const now = nowIso();
  const webhook: Webhook = {
    id: store.nextId("webhook"), url, events: body!.events as string[], description: (body!.description as string | null | undefined) ?? null,
    createdAt: now, updatedAt: now,
  };
  store.state.webhooks[webhook.id] = webhook;
  store.schedulePersist();
  return { status: 201, body: { webhook, secret: options.webhookSecret } };
};

export const deleteWebhook: Handler = ({ store, params }) => {
  if (!store.state.webhooks[params.id]) throw notFound("webhook subscription", params.id);
  delete store.state.webhooks[params.id];
  store.schedulePersist();
  return { status: 204 };
};
