 
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONTACT_OPERATIONS, responseValidator, specOperation } from "./spec";
import { startApi, type Api } from "./test-helpers";

interface Fixture {
  contactId: string;
  taskId: string;
  noteId: string;
  loc: string;
  email: string;
}
type Case = (f: Fixture) => { method: string; path: string; body?: unknown };

let n = 0;
const CASES: Record<string, Case> = {
  "create-contact": (f) => ({ method: "POST", path: "/contacts/", body: { locationId: f.loc, firstName: "New", email: `new${++n}@conf.test`, tags: ["a"] } }),
  "get-contacts": (f) => ({ method: "GET", path: `/contacts/?locationId=${f.loc}&limit=5` }),
  "get-contact": (f) => ({ method: "GET", path: `/contacts/${f.contactId}` }),
  "update-contact": (f) => ({ method: "PUT", path: `/contacts/${f.contactId}`, body: { lastName: "Updated", tags: ["b"] } }),
  "delete-contact": (f) => ({ method: "DELETE", path: `/contacts/${f.contactId}` }),
  "upsert-contact": (f) => ({ method: "POST", path: "/contacts/upsert", body: { locationId: f.loc, email: f.email, firstName: "Up" } }),
  "search-contacts-advanced": (f) => ({ method: "POST", path: "/contacts/search", body: { locationId: f.loc, pageLimit: 5 } }),
  "get-duplicate-contact": (f) => ({ method: "GET", path: `/contacts/search/duplicate?locationId=${f.loc}&email=${encodeURIComponent(f.email)}` }),
  "get-contacts-by-businessId": (f) => ({ method: "GET", path: `/contacts/business/biz1?locationId=${f.loc}` }),
  "create-association": (f) => ({ method: "POST", path: "/contacts/bulk/tags/update/add", body: { locationId: f.loc, contacts: [f.contactId], tags: ["bulk"] } }),
  "add-remove-contact-from-business": (f) => ({ method: "POST", path: "/contacts/bulk/business", body: { locationId: f.loc, ids: [f.contactId], businessId: "biz1" } }),
  "get-all-tasks": (f) => ({ method: "GET", path: `/contacts/${f.contactId}/tasks` }),
  "create-task": (f) => ({ method: "POST", path: `/contacts/${f.contactId}/tasks`, body: { title: "T", dueDate: "2026-12-01T10:00:00Z", completed: false } }),
  "get-task": (f) => ({ method: "GET", path: `/contacts/${f.contactId}/tasks/${f.taskId}` }),
  "update-task": (f) => ({ method: "PUT", path: `/contacts/${f.contactId}/tasks/${f.taskId}`, body: { title: "T2" } }),
  "update-task-completed": (f) => ({ method: "PUT", path: `/contacts/${f.contactId}/tasks/${f.taskId}/completed`, body: { completed: true } }),
  "delete-task": (f) => ({ method: "DELETE", path: `/contacts/${f.contactId}/tasks/${f.taskId}` }),
  "get-all-notes": (f) => ({ method: "GET", path: `/contacts/${f.contactId}/notes` }),
  "create-note": (f) => ({ method: "POST", path: `/contacts/${f.contactId}/notes`, body: { body: "hello" } }),
  "get-note": (f) => ({ method: "GET", path: `/contacts/${f.contactId}/notes/${f.noteId}` }),
  "update-note": (f) => ({ method: "PUT", path: `/contacts/${f.contactId}/notes/${f.noteId}`, body: { body: "edited" } }),
  "delete-note": (f) => ({ method: "DELETE", path: `/contacts/${f.contactId}/notes/${f.noteId}` }),
  "get-appointments-for-contact": (f) => ({ method: "GET", path: `/contacts/${f.contactId}/appointments` }),
  "add-tags": (f) => ({ method: "POST", path: `/contacts/${f.contactId}/tags`, body: { tags: ["x"] } }),
  "remove-tags": (f) => ({ method: "DELETE", path: `/contacts/${f.contactId}/tags`, body: { tags: ["a"] } }),
  "add-followers-contact": (f) => ({ method: "POST", path: `/contacts/${f.contactId}/followers`, body: { followers: ["u1"] } }),
  "remove-followers-contact": (f) => ({ method: "DELETE", path: `/contacts/${f.contactId}/followers`, body: { followers: ["u1"] } }),
  "add-contact-to-campaign": (f) => ({ method: "POST", path: `/contacts/${f.contactId}/campaigns/camp1`, body: {} }),
  "remove-contact-from-campaign": (f) => ({ method: "DELETE", path: `/contacts/${f.contactId}/campaigns/camp1` }),
  "remove-contact-from-every-campaign": (f) => ({ method: "DELETE", path: `/contacts/${f.contactId}/campaigns/removeAll` }),
  "add-contact-to-workflow": (f) => ({ method: "POST", path: `/contacts/${f.contactId}/workflow/wf1`, body: { eventStartTime: "2026-12-01T10:00:00+00:00" } }),
  "delete-contact-from-workflow": (f) => ({ method: "DELETE", path: `/contacts/${f.contactId}/workflow/wf1` }),
};

let api: Api;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.sandbox.close());

async function fixture(): Promise<Fixture> {
  const email = `fx${++n}@conf.test`;
  const c = await api.call("POST", "/contacts/", { locationId: api.locationId, firstName: "Fx", email, tags: ["a"] });
  const contactId = c.body.contact.id;
  const t = await api.call("POST", `/contacts/${contactId}/tasks`, { title: "x", dueDate: "2026-12-01T10:00:00Z", completed: false });
  const note = await api.call("POST", `/contacts/${contactId}/notes`, { body: "n" });
  await api.call("POST", `/admin/api/contacts/${contactId}/appointments`, { title: "Consult" });
  return { contactId, taskId: t.body.task.id, noteId: note.body.note.id, loc: api.locationId, email };
}

describe("spec conformance", () => {
  it("has a case for every operation in apps/contacts.json", () => {
    expect(CONTACT_OPERATIONS).toHaveLength(32);
    expect(Object.keys(CASES).sort()).toEqual(CONTACT_OPERATIONS.map((o) => o.operationId).sort());
  });

  it.each(CONTACT_OPERATIONS.map((o) => [`${o.method} ${o.path}`, o.operationId]))("%s answers per spec", async (_label, operationId) => {
    const op = specOperation(operationId);
    const req = CASES[operationId](await fixture());
    expect(req.method).toBe(op.method);
    const res = await api.call(req.method, req.path, req.body);
    expect(res.status, JSON.stringify(res.body)).toBe(op.successStatus);
    const validate = responseValidator(operationId, op.successStatus);
    if (validate) expect(validate(res.body), JSON.stringify(validate.errors)).toBe(true);
    else expect(res.body).toBeTypeOf("object");
    for (const h of ["x-ratelimit-limit-daily", "x-ratelimit-daily-remaining", "x-ratelimit-interval-milliseconds", "x-ratelimit-max", "x-ratelimit-remaining"]) {
      expect(res.headers.get(h)).not.toBeNull();
    }
  });

  it("error bodies validate against the common DTOs", async () => {
    const bad = await api.call("POST", "/contacts/", { firstName: 1 });
    expect(bad.status).toBe(422);
    expect(responseValidator("create-contact", 422)!(bad.body)).toBe(true);
    const unauth = await api.call("GET", `/contacts/?locationId=${api.locationId}`, undefined, { token: "nope" });
    expect(unauth.status).toBe(401);
    expect(responseValidator("get-contacts", 401)!(unauth.body)).toBe(true);
  });
});
