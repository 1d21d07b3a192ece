import type { Sandbox } from "./context";
import { escapeHtml as h } from "./http";
import { layout } from "./oauth-page";
import type { AppointmentRecord, ContactRecord, LocationRecord, NoteRecord, TaskRecord } from "./types";

export interface AdminView {
  locationId?: string;
  contactId?: string;
  flash?: string;
  error?: string;
}

const STATUSES = ["new", "confirmed", "showed", "noshow", "cancelled", "invalid"];

function contactFields(c?: ContactRecord) {
  const v = (x: string | null | undefined) => h(x ?? "");
  return `<div class="row">
  <div><label for="firstName">First name</label><input id="firstName" name="firstName" value="${v(c?.firstName)}" data-testid="contact-first-name"></div>
  <div><label for="lastName">Last name</label><input id="lastName" name="lastName" value="${v(c?.lastName)}" data-testid="contact-last-name"></div>
  <div><label for="email">Email</label><input id="email" name="email" type="email" value="${v(c?.email)}" data-testid="contact-email"></div>
  <div><label for="phone">Phone</label><input id="phone" name="phone" value="${v(c?.phone)}" data-testid="contact-phone"></div>
  <div><label for="tags">Tags</label><input id="tags" name="tags" value="${v(c?.tags.join(", "))}" placeholder="vip, wedding" data-testid="contact-tags"></div>
</div>`;
}

function locationNav(locations: LocationRecord[], current: LocationRecord) {
  return `<nav aria-label="Locations">${locations
    .map((l) => `<a href="/admin?location=${l.id}" data-testid="location-link-${l.id}"${l.id === current.id ? ' aria-current="page"' : ""}>${h(l.name)}</a>`)
    .join("")}</nav>`;
}

function contactsTable(contacts: ContactRecord[], loc: LocationRecord, selected?: string) {
  const rows = contacts
    .map(
      (c) => `<tr data-testid="contact-row-${c.id}"${c.id === selected ? ' style="background:#f0f7f3"' : ""}>
  <td><a href="/admin?location=${loc.id}&contact=${c.id}">${h(c.name || "(no name)")}</a></td>
  <td>${h(c.email)}</td><td>${h(c.phone)}</td>
  <td>${c.tags.map((t) => `<span class="tag">${h(t)}</span>`).join("")}</td>
  <td class="muted">${h(c.dateUpdated.slice(0, 16).replace("T", " "))}</td></tr>`,
    )
    .join("");
  return `<table data-testid="contacts-table"><thead><tr><th>Name</th><th>Email</th><th>Phone</th><th>Tags</th><th>Updated (UTC)</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function button(action: string, label: string, testId: string, cls = "secondary") {
  return `<form method="post" action="${action}" class="inline"><button type="submit" class="${cls}" data-testid="${testId}">${label}</button></form>`;
}

function tasksCard(c: ContactRecord, tasks: TaskRecord[]) {
  const items = tasks
    .map(
      (t) => `<tr data-testid="task-row-${t.id}"><td>${h(t.title)}</td><td>${h(t.body)}</td><td>${h(t.dueDate.slice(0, 10))}</td>
  <td>${t.completed ? "✔ done" : button(`/admin/ui/tasks/${t.id}/complete`, "Complete", `complete-task-${t.id}`)}</td>
  <td>${button(`/admin/ui/tasks/${t.id}/delete`, "Delete", `delete-task-${t.id}`, "danger")}</td></tr>`,
    )
    .join("");
  return `<section class="card" aria-labelledby="tasks-h"><h3 id="tasks-h">Tasks</h3>
<table><thead><tr><th>Title</th><th>Description</th><th>Due</th><th>Status</th><th></th></tr></thead><tbody>${items}</tbody></table>
<form method="post" action="/admin/ui/contacts/${c.id}/tasks" data-testid="add-task-form"><div class="row">
  <div><label for="task-title">Task title</label><input id="task-title" name="title" required></div>
  <div><label for="task-body">Task description</label><input id="task-body" name="body"></div>
  <div><label for="task-due">Due date</label><input id="task-due" name="dueDate" type="date" required></div>
</div><button type="submit" data-testid="add-task-button">Add task</button></form></section>`;
}

function notesCard(c: ContactRecord, notes: NoteRecord[]) {
  const items = notes
    .map((n) => `<li data-testid="note-row-${n.id}">${h(n.body)} <span class="muted">${h(n.dateAdded.slice(0, 10))}</span> ${button(`/admin/ui/notes/${n.id}/delete`, "Delete", `delete-note-${n.id}`, "danger")}</li>`)
    .join("");
  return `<section class="card" aria-labelledby="notes-h"><h3 id="notes-h">Notes</h3><ul>${items}</ul>
<form method="post" action="/admin/ui/contacts/${c.id}/notes" data-testid="add-note-form">
  <label for="note-body">Note</label><textarea id="note-body" name="body" rows="2" required></textarea>
  <button type="submit" data-testid="add-note-button">Add note</button></form></section>`;
}

function appointmentsCard(c: ContactRecord, appts: AppointmentRecord[]) {
  const statusOptions = (current?: string) => STATUSES.map((s) => `<option${s === current ? " selected" : ""}>${s}</option>`).join("");
  const items = appts
    .map(
      (a) => `<tr data-testid="appointment-row-${a.id}"><td>${h(a.title)}</td><td>${h(a.startTime.slice(0, 16).replace("T", " "))}</td>
  <td><form method="post" action="/admin/ui/appointments/${a.id}" class="inline"><label class="muted" for="st-${a.id}" style="display:inline">Status</label>
  <select id="st-${a.id}" name="appointmentStatus" style="width:auto">${statusOptions(a.appointmentStatus)}</select>
  <button type="submit" class="secondary" data-testid="update-appointment-${a.id}">Update</button></form></td>
  <td>${button(`/admin/ui/appointments/${a.id}/delete`, "Delete", `delete-appointment-${a.id}`, "danger")}</td></tr>`,
    )
    .join("");
  return `<section class="card" aria-labelledby="appts-h"><h3 id="appts-h">Appointments</h3>
<table><thead><tr><th>Title</th><th>Start (UTC)</th><th>Status</th><th></th></tr></thead><tbody>${items}</tbody></table>
<form method="post" action="/admin/ui/contacts/${c.id}/appointments" data-testid="add-appointment-form"><div class="row">
  <div><label for="appt-title">Appointment title</label><input id="appt-title" name="title" required></div>
  <div><label for="appt-start">Start time</label><input id="appt-start" name="startTime" type="datetime-local" required></div>
  <div><label for="appt-status">Appointment status</label><select id="appt-status" name="appointmentStatus">${statusOptions("confirmed")}</select></div>
</div><button type="submit" data-testid="add-appointment-button">Add appointment</button></form></section>`;
}

function contactDetail(sb: Sandbox, c: ContactRecord) {
  const d = sb.store.data;
  const of = <T extends { contactId: string }>(coll: Record<string, T>) => Object.values(coll).filter((x) => x.contactId === c.id);
  return `<section class="card" aria-labelledby="contact-h" data-testid="contact-detail">
<h2 id="contact-h">${h(c.name || "(no name)")} <span class="muted" style="font-size:13px">${c.id}</span></h2>
<form method="post" action="/admin/ui/contacts/${c.id}" data-testid="edit-contact-form">${contactFields(c)}
  <label style="display:flex;gap:6px;align-items:center"><input type="checkbox" name="dnd" value="1" style="width:auto"${c.dnd ? " checked" : ""}> Do not disturb</label>
  <button type="submit" data-testid="save-contact-button">Save contact</button>
  <a href="/admin?location=${c.locationId}" style="margin-left:10px">New contact</a>
</form>
${button(`/admin/ui/contacts/${c.id}/delete`, "Delete contact", "delete-contact-button", "danger")}
</section>
${tasksCard(c, of(d.tasks))}${notesCard(c, of(d.notes))}${appointmentsCard(c, of(d.appointments))}`;
}

export function renderAdminPage(sb: Sandbox, view: AdminView): string {
  const { locations } = sb.store.data;
  const loc = locations.find((l) => l.id === view.locationId) ?? locations[0];
  const contacts = sb.store.contactsOf(loc.id).sort((a, b) => b.dateUpdated.localeCompare(a.dateUpdated));
  const contact = view.contactId ? sb.store.data.contacts[view.contactId] : undefined;
  const createForm = `<section class="card" aria-labelledby="create-h"><h2 id="create-h">New contact</h2>
<form method="post" action="/admin/ui/contacts" data-testid="create-contact-form"><input type="hidden" name="locationId" value="${loc.id}">${contactFields()}
<button type="submit" data-testid="create-contact-button">Create contact</button></form></section>`;
  const banner = view.error
    ? `<p class="card" role="alert" style="border-color:#f5c2c0" data-testid="admin-error">${h(view.error)}</p>`
    : view.flash
      ? `<p class="card" role="status" data-testid="admin-flash">${h(view.flash)}</p>`
      : "";
  return layout(
    "GHL sandbox admin",
    `<h1>HighLevel sandbox</h1>
<p class="muted">Changes here fire the same webhooks as the API. Webhook URL: <code data-testid="webhook-url">${h(sb.webhooks.url() ?? "not set")}</code> ·
<a href="/admin/webhook-public-key">public key</a> · <a href="/admin/webhooks">deliveries</a> · <a href="/admin/requests">requests</a></p>
${locationNav(locations, loc)}
<h2>${h(loc.name)} <span class="muted" style="font-size:13px" data-testid="location-id">${loc.id}</span></h2>
${banner}
${contact && contact.locationId === loc.id ? contactDetail(sb, contact) : createForm}
<h2>Contacts (${contacts.length})</h2>${contactsTable(contacts, loc, contact?.id)}`,
  );
}
