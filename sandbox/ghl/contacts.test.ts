 
import { afterAll, beforeEach, beforeAll, describe, expect, it } from "vitest";
import { startApi, type Api } from "./test-helpers";

let api: Api;
beforeAll(async () => {
  api = await startApi();
});
beforeEach(() => api.sandbox.reset());
afterAll(() => api.sandbox.close());

const create = (body: Record<string, unknown>) => api.call("POST", "/contacts/", { locationId: api.locationId, ...body });

describe("validation", () => {
  it("answers 422 with GHL's class-validator style message array", async () => {
    const res = await api.call("POST", "/contacts/", { email: "not-an-email", tags: "vip", bogus: 1 });
    expect(res.status).toBe(422);
    expect(res.body.error).toBe("Unprocessable Entity");
    expect(res.body.statusCode).toBe(422);
    expect(res.body.message).toEqual(
      expect.arrayContaining(["locationId should not be empty", "email must be an email", "tags must be an array", "property bogus should not exist"]),
    );
  });

  it("requires locationId and pageLimit on search, capping pageLimit at 500", async () => {
    const missing = await api.call("POST", "/contacts/search", {});
    expect(missing.status).toBe(422);
    expect(missing.body.message).toEqual(expect.arrayContaining(["locationId should not be empty", "pageLimit should not be empty"]));
    const big = await api.call("POST", "/contacts/search", { locationId: api.locationId, pageLimit: 501 });
    expect(big.body.message).toContain("pageLimit must not be greater than 500");
  });

  it("caps the deprecated list at limit 100", async () => {
    const res = await api.call("GET", `/contacts/?locationId=${api.locationId}&limit=101`);
    expect(res.status).toBe(422);
    expect(res.body.message).toContain("limit must not be greater than 100");
  });
});

describe("contacts", () => {
  it("normalises tags (trim, lower-case, dedupe); PUT replaces, POST/DELETE tags add/remove", async () => {
    const c = (await create({ email: "tags@x.test", tags: [" VIP", "vip", "Wedding"] })).body.contact;
    expect(c.tags).toEqual(["vip", "wedding"]);
    const added = await api.call("POST", `/contacts/${c.id}/tags`, { tags: ["Corporate", "vip"] });
    expect(added.status).toBe(201);
    expect(added.body.tags).toEqual(["vip", "wedding", "corporate"]);
    const removed = await api.call("DELETE", `/contacts/${c.id}/tags`, { tags: ["WEDDING"] });
    expect(removed.body.tags).toEqual(["vip", "corporate"]);
    const put = await api.call("PUT", `/contacts/${c.id}`, { tags: ["only"] });
    expect(put.body).toMatchObject({ succeded: true, contact: { tags: ["only"] } });
  });

  it("maps custom field input {id|key, field_value|fieldValue} to output {id, value}", async () => {
    const [flower, , notes] = api.sandbox.sandbox.store.data.locations[0].customFields;
    const c = (await create({ email: "cf@x.test", customFields: [{ id: flower.id, field_value: "tulip" }, { key: "delivery_notes", fieldValue: "Back door" }] })).body.contact;
    expect(c.customFields).toEqual([{ id: flower.id, value: "tulip" }, { id: notes.id, value: "Back door" }]);
    const upd = await api.call("PUT", `/contacts/${c.id}`, { customFields: [{ id: flower.id, field_value: "rose" }] });
    expect(upd.body.contact.customFields).toEqual([{ id: flower.id, value: "rose" }, { id: notes.id, value: "Back door" }]);
  });

  it("rejects a duplicate email or phone with 400 and meta.contactId", async () => {
    const first = (await create({ email: "dup@x.test", phone: "+1 206 555 0100", firstName: "Dee" })).body.contact;
    const byEmail = await create({ email: "DUP@x.test" });
    expect(byEmail.status).toBe(400);
    expect(byEmail.body).toEqual({
      statusCode: 400,
      message: "This location does not allow duplicated contacts.",
      meta: { contactName: "Dee", contactId: first.id, matchingField: "email" },
    });
    const byPhone = await create({ phone: "(206) 555-0100" });
    expect(byPhone.body.meta).toMatchObject({ contactId: first.id, matchingField: "phone" });
    // Another location is a different namespace.
    const elsewhere = await api.call("POST", "/contacts/", { locationId: api.otherLocationId, email: "dup@x.test" });
    expect(elsewhere.status).toBe(403);
  });

  it("allows duplicates when the location setting says so", async () => {
    await api.call("POST", `/admin/locations/${api.locationId}/settings`, { allowDuplicateContact: true });
    await create({ email: "twice@x.test" });
    expect((await create({ email: "twice@x.test" })).status).toBe(201);
  });

  it("upserts by email then phone and reports new: true/false", async () => {
    const a = await api.call("POST", "/contacts/upsert", { locationId: api.locationId, email: "up@x.test", firstName: "Up" });
    expect(a.status).toBe(200);
    expect(a.body.new).toBe(true);
    expect(typeof a.body.traceId).toBe("string");
    const b = await api.call("POST", "/contacts/upsert", { locationId: api.locationId, email: "UP@x.test", lastName: "Date" });
    expect(b.body).toMatchObject({ new: false, contact: { id: a.body.contact.id, firstName: "Up", lastName: "Date" } });
    const c = await api.call("POST", "/contacts/upsert", { locationId: api.locationId, phone: "+12065550199" });
    expect(c.body.new).toBe(true);
    const d = await api.call("POST", "/contacts/upsert", { locationId: api.locationId, phone: "206-555-0199", firstName: "Phone" });
    expect(d.body).toMatchObject({ new: false, contact: { id: c.body.contact.id, firstName: "Phone" } });
  });

  it("answers 404 for unknown ids and 403 for another location's contact", async () => {
    const missing = await api.call("GET", "/contacts/doesNotExist12345678");
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ statusCode: 404, message: "Contact with id doesNotExist12345678 not found", error: "Not Found" });
    const foreign = Object.values(api.sandbox.sandbox.store.data.contacts).find((c) => c.locationId === api.otherLocationId)!;
    const res = await api.call("GET", `/contacts/${foreign.id}`);
    expect(res.status).toBe(403);
    expect(res.body.message).toBe("The token does not have access to this location.");
    const route = await api.call("GET", "/nope");
    expect(route.body).toEqual({ statusCode: 404, message: "Cannot GET /nope", error: "Not Found" });
  });

  it("deletes a contact and its children", async () => {
    const c = (await create({ email: "del@x.test" })).body.contact;
    await api.call("POST", `/contacts/${c.id}/tasks`, { title: "t", dueDate: "2026-12-01T00:00:00Z", completed: false });
    expect((await api.call("DELETE", `/contacts/${c.id}`)).body).toEqual({ succeded: true });
    expect((await api.call("GET", `/contacts/${c.id}`)).status).toBe(404);
    expect(Object.values(api.sandbox.sandbox.store.data.tasks).some((t) => t.contactId === c.id)).toBe(false);
  });

  it("finds duplicates by email or number and needs one of them", async () => {
    const c = (await create({ email: "find@x.test", phone: "+14155550123" })).body.contact;
    const byNumber = await api.call("GET", `/contacts/search/duplicate?locationId=${api.locationId}&number=%2B14155550123`);
    expect(byNumber.body.contact.id).toBe(c.id);
    const none = await api.call("GET", `/contacts/search/duplicate?locationId=${api.locationId}&email=none%40x.test`);
    expect(none.body).toEqual({ contact: null });
    expect((await api.call("GET", `/contacts/search/duplicate?locationId=${api.locationId}`)).status).toBe(400);
  });
});

describe("pagination and search", () => {
  it("pages GET /contacts/ with startAfterId/startAfter and meta", async () => {
    const seen: string[] = [];
    let path = `/contacts/?locationId=${api.locationId}&limit=10`;
    for (let i = 0; i < 5 && path; i++) {
      const res = await api.call("GET", path);
      expect(res.body.count).toBe(25);
      seen.push(...res.body.contacts.map((c: any) => c.id));
      const { meta } = res.body;
      path = meta.startAfterId ? `/contacts/?locationId=${api.locationId}&limit=10&startAfterId=${meta.startAfterId}&startAfter=${meta.startAfter}` : "";
    }
    expect(seen).toHaveLength(25);
    expect(new Set(seen).size).toBe(25);
  });

  it("pages search by page/pageLimit and by searchAfter, with identical order", async () => {
    const base = { locationId: api.locationId, pageLimit: 10, sort: [{ field: "dateUpdated", direction: "asc" }] };
    const byPage: string[] = [];
    for (let page = 1; page <= 3; page++) {
      const res = await api.call("POST", "/contacts/search", { ...base, page });
      expect(res.body.total).toBe(25);
      byPage.push(...res.body.contacts.map((c: any) => c.id));
    }
    const byCursor: string[] = [];
    let after: unknown[] | undefined;
    for (let i = 0; i < 3; i++) {
      const res = await api.call("POST", "/contacts/search", { ...base, ...(after ? { searchAfter: after } : {}) });
      byCursor.push(...res.body.contacts.map((c: any) => c.id));
      after = res.body.contacts.at(-1)?.searchAfter;
    }
    expect(byCursor).toEqual(byPage);
    expect(new Set(byPage).size).toBe(25);
  });

  it("filters on email, dateUpdated range and OR groups", async () => {
    const since = new Date().toISOString();
    const c = (await create({ email: "fresh@x.test", firstName: "Fresh" })).body.contact;
    const range = await api.call("POST", "/contacts/search", {
      locationId: api.locationId,
      pageLimit: 50,
      filters: [{ field: "dateUpdated", operator: "range", value: { gte: since } }],
    });
    expect(range.body.contacts.map((x: any) => x.id)).toEqual([c.id]);
    const group = await api.call("POST", "/contacts/search", {
      locationId: api.locationId,
      pageLimit: 50,
      filters: [{ group: "OR", filters: [{ field: "email", operator: "eq", value: "FRESH@x.test" }, { field: "firstNameLowerCase", operator: "eq", value: "nobody" }] }],
    });
    expect(group.body.total).toBe(1);
    const notExists = await api.call("POST", "/contacts/search", { locationId: api.locationId, pageLimit: 50, filters: [{ field: "phone", operator: "not_exists" }] });
    expect(notExists.body.contacts.map((x: any) => x.id)).toContain(c.id);
  });
});
