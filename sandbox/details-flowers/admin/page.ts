/** Server-rendered admin page: what workflows wrote, newest first, grouped by client. */
import { ORDER_STATUSES } from "../../../contracts/details-flowers/source/schemas";
import type { Sandbox } from "../sandbox";
import type { AnyRecord, Client, Order } from "../types";
import { ADMIN_CSS } from "./styles";

const esc = (v: unknown) => String(v ?? "").replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const newestFirst = <T extends AnyRecord>(rows: T[]) => [...rows].sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1));
const when = (iso: string | null | undefined) => (iso ? `<time datetime="${esc(iso)}">${esc(iso.replace("T", " ").slice(0, 16))}</time>` : "");
const liveOnly = <T extends AnyRecord>(rows: T[]) => rows.filter((r) => !("deletedAt" in r && r.deletedAt));
const money = (m: { amount: number; currency: string }) => `${(m.amount / 100).toLocaleString("en-US", { minimumFractionDigits: 2 })} ${esc(m.currency)}`;

function externalIdChips(ids: Record<string, string>) {
  return Object.entries(ids).map(([k, v]) => `<span class="chip" data-testid="external-id" data-system="${esc(k)}">${esc(k)}: ${esc(v)}</span>`).join("");
}

function orderRow(o: Order, q: string) {
  const options = ORDER_STATUSES.map((s) => `<option value="${s}"${s === o.status ? " selected" : ""}>${s}</option>`).join("");
  return `<li id="${esc(o.id)}" data-testid="order-row" data-order-id="${esc(o.id)}" data-status="${esc(o.status)}">
    <span class="title">${esc(o.number)}</span><span class="badge ${esc(o.status)}">${esc(o.kind)} · ${esc(o.status)}</span>
    <span class="meta">total ${money(o.total)} · due ${money(o.balanceDue)}</span>
    <form method="post" action="/admin/orders/${encodeURIComponent(o.id)}/status" class="when">
      <input type="hidden" name="q" value="${esc(q)}"><select name="status" data-testid="order-status-select" aria-label="Order status">${options}</select>
      <button type="submit" data-testid="order-status-save">Set status</button></form></li>`;
}

function clientCard(sb: Sandbox, c: Client, q: string) {
  const r = sb.store.state.records;
  const mine = <T extends AnyRecord & { clientId: string }>(rows: Record<string, T>) => newestFirst(liveOnly(Object.values(rows).filter((x) => x.clientId === c.id)));
  const events = mine(r.event);
  const orders = mine(r.order);
  const section = (title: string, items: string[]) => (items.length ? `<h3>${title}</h3><ul class="rows">${items.join("")}</ul>` : "");
  return `<article class="client${c.deletedAt ? " is-deleted" : ""}" id="${esc(c.id)}" data-testid="client-card" data-client-id="${esc(c.id)}" data-email="${esc(c.email ?? "")}">
  <div class="client-head"><div>
    <div class="client-name" data-testid="client-name">${esc(c.fullName)} ${c.deletedAt ? '<span class="badge deleted">deleted</span>' : ""}</div>
    <div class="meta"><span data-testid="client-email">${esc(c.email ?? "no email")}</span> · <span data-testid="client-phone">${esc(c.phone ?? "no phone")}</span>${c.company ? ` · ${esc(c.company)}` : ""}</div>
    <div class="chips">${c.tags.map((t) => `<span class="badge" data-testid="client-tag">${esc(t)}</span>`).join("")}${externalIdChips(c.externalIds)}</div>
  </div><div class="meta"><code>${esc(c.id)}</code><br>updated ${when(c.updatedAt)}</div></div>
  ${section("Events", events.map((e) => `<li data-testid="event-row" data-event-id="${esc(e.id)}"><span class="title">${esc(e.name)}</span><span class="badge ${esc(e.status)}">${esc(e.type)} · ${esc(e.status)}</span><span class="meta">${esc(e.date)} · ${esc(e.venue ?? "")}</span>${externalIdChips(e.externalIds)}<span class="when">${when(e.updatedAt)}</span></li>`))}
  ${section("Orders &amp; proposals", orders.map((o) => orderRow(o, q)))}
  ${section("Tasks", mine(r.task).map((t) => `<li data-testid="task-row" data-task-id="${esc(t.id)}"><span class="title">${esc(t.title)}</span>${t.completed ? '<span class="badge done">done</span>' : ""}<span class="meta">${t.dueAt ? `due ${when(t.dueAt)}` : ""} ${esc(t.assigneeEmail ?? "")}</span>${externalIdChips(t.externalIds)}<span class="when">${when(t.updatedAt)}</span></li>`))}
  ${section("Notes", mine(r.note).map((n) => `<li data-testid="note-row" data-note-id="${esc(n.id)}">${n.pinned ? '<span class="badge">pinned</span>' : ""}<span>${esc(n.body)}</span>${externalIdChips(n.externalIds)}<span class="when">${when(n.updatedAt)}</span></li>`))}
  ${section("Appointments", mine(r.appointment).map((a) => `<li data-testid="appointment-row" data-appointment-id="${esc(a.id)}"><span class="title">${esc(a.title)}</span><span class="badge ${esc(a.status)}">${esc(a.status)}</span><span class="meta">${when(a.startsAt)} → ${when(a.endsAt)} ${esc(a.location ?? "")}</span>${externalIdChips(a.externalIds)}<span class="when">${when(a.updatedAt)}</span></li>`))}
</article>`;
}

/** A client matches when its own fields or any linked record's text contain the query. */
function matches(sb: Sandbox, c: Client, q: string) {
  if (!q) return true;
  const needle = q.toLowerCase();
  const r = sb.store.state.records;
  const linked = [r.event, r.task, r.note, r.appointment, r.order].flatMap((rows) => Object.values(rows as Record<string, AnyRecord & { clientId: string }>).filter((x) => x.clientId === c.id));
  return [c, ...linked].some((x) => JSON.stringify(x).toLowerCase().includes(needle));
}

export function renderAdminPage(sb: Sandbox, q: string) {
  const r = sb.store.state.records;
  const clients = newestFirst(Object.values(r.client)).filter((c) => matches(sb, c, q));
  const changes = sb.store.state.changes.slice(-30).reverse();
  const requests = sb.requests.slice(-15).reverse();
  const count = (rows: Record<string, AnyRecord>) => liveOnly(Object.values(rows)).length;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Details Flowers sandbox</title><style>${ADMIN_CSS}</style></head><body>
<header><h1>Details Flowers sandbox <small>Bloombridge's assumed contract — not the real product</small></h1>
<div class="stats" data-testid="admin-stats"><span><b>${count(r.client)}</b> clients</span><span><b>${count(r.event)}</b> events</span><span><b>${count(r.task)}</b> tasks</span><span><b>${count(r.note)}</b> notes</span><span><b>${count(r.appointment)}</b> appointments</span><span><b>${count(r.order)}</b> orders</span></div>
<form class="search" method="get" action="/admin" role="search"><input type="search" name="q" value="${esc(q)}" placeholder="Search name, email, phone, external id, text…" data-testid="admin-search" aria-label="Search"><button type="submit" data-testid="admin-search-submit">Search</button>${q ? '<a href="/admin">clear</a>' : ""}</form>
</header><main>
<section data-testid="client-list"><h2>Clients ${q ? `matching “${esc(q)}”` : ""} <span class="meta">(${clients.length}, newest first)</span></h2>
${clients.map((c) => clientCard(sb, c, q)).join("\n") || '<p class="empty" data-testid="no-results">No clients match.</p>'}</section>
<aside>
<section data-testid="change-feed"><h2>Latest writes</h2><ul class="rows">${changes.map((ch) => `<li data-testid="change-row" data-type="${ch.type}" data-action="${ch.action}"><span class="badge ${ch.action === "deleted" ? "deleted" : ""}">${ch.type} ${ch.action}</span><a href="#${esc("clientId" in ch.record ? ch.record.clientId : ch.id)}"><code>${esc(ch.id)}</code></a><span class="when">#${ch.seq} ${when(ch.occurredAt)}</span></li>`).join("") || '<li class="empty">Nothing yet.</li>'}</ul></section>
<section data-testid="request-log"><h2>Recent API requests</h2><ul class="rows">${requests.map((q2) => `<li><code>${esc(q2.method)} ${esc(q2.path)}</code><span class="badge ${q2.status >= 400 ? "deleted" : "done"}">${q2.status}</span>${q2.replayed ? '<span class="badge">replayed</span>' : ""}<span class="when">${when(q2.at)}</span></li>`).join("") || '<li class="empty">No requests yet.</li>'}</ul>
<p class="meta">JSON: <a href="/admin/requests">requests</a> · <a href="/admin/faults">faults</a> · <a href="/admin/webhook-deliveries">webhook deliveries</a> · <a href="/admin/state">state</a></p></section>
</aside></main></body></html>`;
}
