import {
  createAppointment,
  createNote,
  createTask,
  deleteAppointment,
  deleteNote,
  deleteTask,
  updateAppointment,
  updateTask,
} from "../activity-service";
import { renderAdminPage } from "../admin-page";
import { createContact, deleteContact, updateContact } from "../contact-service";
import type { Ctx } from "../context";
import { HttpError, parseForm, redirect, sendHtml } from "../http";
import type { Router } from "../router";

function back(ctx: Ctx, locationId: string, contactId: string | undefined, flash: string) {
  const q = new URLSearchParams({ location: locationId, ...(contactId ? { contact: contactId } : {}), flash });
  redirect(ctx.res, `/admin?${q}`);
}

/** Runs a form action; GHL-style errors (e.g. duplicates) come back as a banner, not a JSON page. */
function action(fn: (ctx: Ctx, form: Record<string, string>) => void) {
  return (ctx: Ctx) => {
    const form = parseForm(ctx.rawBody);
    try {
      fn(ctx, form);
    } catch (err) {
      if (!(err instanceof HttpError)) throw err;
      const msg = Array.isArray(err.body.message) ? err.body.message.join("; ") : String(err.body.message);
      const q = new URLSearchParams({ location: form.locationId ?? "", error: msg });
      redirect(ctx.res, `/admin?${q}`);
    }
  };
}

function contactInput(form: Record<string, string>) {
  return {
    firstName: form.firstName?.trim() || null,
    lastName: form.lastName?.trim() || null,
    email: form.email?.trim() || null,
    phone: form.phone?.trim() || null,
    tags: (form.tags ?? "").split(",").filter((t) => t.trim()),
  };
}

function need<T>(value: T | undefined, what: string): T {
  if (!value) throw new HttpError(404, { statusCode: 404, message: `${what} not found` });
  return value;
}

export function adminPageRoutes(r: Router) {
  r.add("GET", "/admin", (ctx) => {
    const q = ctx.url.searchParams;
    const view = {
      locationId: q.get("location") ?? undefined,
      contactId: q.get("contact") ?? undefined,
      flash: q.get("flash") ?? undefined,
      error: q.get("error") ?? undefined,
    };
    sendHtml(ctx.res, 200, renderAdminPage(ctx.sb, view));
  });

  r.add("POST", "/admin/ui/contacts", action((ctx, form) => {
    const loc = need(ctx.sb.store.location(form.locationId), "Location");
    const c = createContact(ctx.sb, loc, contactInput(form));
    back(ctx, loc.id, c.id, "Contact created");
  }));

  r.add("POST", "/admin/ui/contacts/:id", action((ctx, form) => {
    const c = need(ctx.sb.store.data.contacts[ctx.params.id], "Contact");
    form.locationId = c.locationId;
    updateContact(ctx.sb, c, { ...contactInput(form), dnd: form.dnd === "1" });
    back(ctx, c.locationId, c.id, "Contact saved");
  }));

  r.add("POST", "/admin/ui/contacts/:id/delete", action((ctx) => {
    const c = need(ctx.sb.store.data.contacts[ctx.params.id], "Contact");
    deleteContact(ctx.sb, c);
    back(ctx, c.locationId, undefined, "Contact deleted");
  }));

  r.add("POST", "/admin/ui/contacts/:id/tasks", action((ctx, form) => {
    const c = need(ctx.sb.store.data.contacts[ctx.params.id], "Contact");
    createTask(ctx.sb, c, { title: form.title, body: form.body ?? "", dueDate: form.dueDate || new Date().toISOString(), completed: false });
    back(ctx, c.locationId, c.id, "Task added");
  }));

  r.add("POST", "/admin/ui/tasks/:id/complete", action((ctx) => {
    const t = need(ctx.sb.store.data.tasks[ctx.params.id], "Task");
    updateTask(ctx.sb, t, { completed: true });
    back(ctx, t.locationId, t.contactId, "Task completed");
  }));

  r.add("POST", "/admin/ui/tasks/:id/delete", action((ctx) => {
    const t = need(ctx.sb.store.data.tasks[ctx.params.id], "Task");
    deleteTask(ctx.sb, t);
    back(ctx, t.locationId, t.contactId, "Task deleted");
  }));

  r.add("POST", "/admin/ui/contacts/:id/notes", action((ctx, form) => {
    const c = need(ctx.sb.store.data.contacts[ctx.params.id], "Contact");
    createNote(ctx.sb, c, { body: form.body, userId: ctx.sb.store.data.users[0].id });
    back(ctx, c.locationId, c.id, "Note added");
  }));

  r.add("POST", "/admin/ui/notes/:id/delete", action((ctx) => {
    const n = need(ctx.sb.store.data.notes[ctx.params.id], "Note");
    deleteNote(ctx.sb, n);
    back(ctx, n.locationId, n.contactId, "Note deleted");
  }));

  r.add("POST", "/admin/ui/contacts/:id/appointments", action((ctx, form) => {
    const c = need(ctx.sb.store.data.contacts[ctx.params.id], "Contact");
    // datetime-local has no zone; the sandbox treats it as UTC.
    const start = form.startTime ? new Date(`${form.startTime}Z`).toISOString() : undefined;
    createAppointment(ctx.sb, c, { title: form.title, startTime: start, appointmentStatus: form.appointmentStatus || "confirmed" });
    back(ctx, c.locationId, c.id, "Appointment added");
  }));

  r.add("POST", "/admin/ui/appointments/:id", action((ctx, form) => {
    const a = need(ctx.sb.store.data.appointments[ctx.params.id], "Appointment");
    updateAppointment(ctx.sb, a, { appointmentStatus: form.appointmentStatus || a.appointmentStatus });
    back(ctx, a.locationId, a.contactId, "Appointment updated");
  }));

  r.add("POST", "/admin/ui/appointments/:id/delete", action((ctx) => {
    const a = need(ctx.sb.store.data.appointments[ctx.params.id], "Appointment");
    deleteAppointment(ctx.sb, a);
    back(ctx, a.locationId, a.contactId, "Appointment deleted");
  }));
}
