import { describe, expect, it } from "vitest";
import { AuthError, FatalError, RateLimitedError, RetryableError } from "../../errors";
import { GhlDuplicateContactError, GhlMissingScopeError } from "../errors";
import responses from "../fixtures/responses.json";
import { stubFetch, testContext } from "../test-helpers";
import type { OperationDefinition } from "../../define";
import { ghlOperations as typedOperations } from "./index";

// Seen through the shared contract, as the executor does: input is parsed, then passed to run.
const ghlOperations: readonly OperationDefinition[] = typedOperations;

const C = "nmFmQEsNgz6AVpgLVUJ0";
const LOC = "ve9EPM428h8vShlRW1KT";

type Case = { input: Record<string, unknown>; method: string; path: string; query?: Record<string, string>; body?: unknown; status?: number };

const cases: Record<string, Case> = {
  "ghl.contact.get": { input: { contactId: C }, method: "GET", path: `/contacts/${C}` },
  "ghl.contact.create": {
    input: { firstName: "Maya", email: "maya@lindqvist-studio.com", customFields: [{ key: "favourite_flower", field_value: "Peonies" }] },
    method: "POST",
    path: "/contacts/",
    body: { firstName: "Maya", email: "maya@lindqvist-studio.com", customFields: [{ key: "favourite_flower", field_value: "Peonies" }], locationId: LOC },
    status: 201,
  },
  "ghl.contact.update": { input: { contactId: C, city: "Portland", website: null }, method: "PUT", path: `/contacts/${C}`, body: { city: "Portland", website: null } },
  "ghl.contact.upsert": {
    input: { email: "maya@lindqvist-studio.com", locationId: "otherLocation" },
    method: "POST",
    path: "/contacts/upsert",
    body: { email: "maya@lindqvist-studio.com", locationId: "otherLocation" },
  },
  "ghl.contact.delete": { input: { contactId: C }, method: "DELETE", path: `/contacts/${C}` },
  "ghl.contact.search": {
    input: { pageLimit: 50, query: "maya", filters: [{ field: "tags", operator: "contains", value: "vip" }] },
    method: "POST",
    path: "/contacts/search",
    body: { pageLimit: 50, query: "maya", filters: [{ field: "tags", operator: "contains", value: "vip" }], locationId: LOC },
  },
  "ghl.contact.search-duplicate": {
    input: { number: "+15035550148" },
    method: "GET",
    path: "/contacts/search/duplicate",
    query: { number: "+15035550148", locationId: LOC },
  },
  "ghl.contact.list": { input: { query: "maya", limit: 100 }, method: "GET", path: "/contacts/", query: { query: "maya", limit: "100", locationId: LOC } },
  "ghl.contact.list-by-business": {
    input: { businessId: "641c094001436dbc2081e642", skip: "25" },
    method: "GET",
    path: "/contacts/business/641c094001436dbc2081e642",
    query: { skip: "25", locationId: LOC },
  },
  "ghl.contact.tags.add": { input: { contactId: C, tags: ["spring-promo"] }, method: "POST", path: `/contacts/${C}/tags`, body: { tags: ["spring-promo"] }, status: 201 },
  "ghl.contact.tags.remove": { input: { contactId: C, tags: ["spring-promo"] }, method: "DELETE", path: `/contacts/${C}/tags`, body: { tags: ["spring-promo"] } },
  "ghl.contacts.tags.bulk-update": {
    input: { type: "remove", contacts: [C], tags: ["old"], removeAllTags: false },
    method: "POST",
    path: "/contacts/bulk/tags/update/remove",
    body: { contacts: [C], tags: ["old"], removeAllTags: false, locationId: LOC },
    status: 201,
  },
  "ghl.contacts.business.bulk-update": {
    input: { ids: [C], businessId: null },
    method: "POST",
    path: "/contacts/bulk/business",
    body: { ids: [C], businessId: null, locationId: LOC },
  },
  "ghl.contact.campaign.add": { input: { contactId: C, campaignId: "camp1" }, method: "POST", path: `/contacts/${C}/campaigns/camp1`, body: {}, status: 201 },
  "ghl.contact.campaign.remove": { input: { contactId: C, campaignId: "camp1" }, method: "DELETE", path: `/contacts/${C}/campaigns/camp1` },
  "ghl.contact.campaign.remove-all": { input: { contactId: C }, method: "DELETE", path: `/contacts/${C}/campaigns/removeAll` },
  "ghl.contact.workflow.add": {
    input: { contactId: C, workflowId: "wf1", eventStartTime: "2026-06-14T15:00:00-07:00" },
    method: "POST",
    path: `/contacts/${C}/workflow/wf1`,
    body: { eventStartTime: "2026-06-14T15:00:00-07:00" },
  },
  "ghl.contact.workflow.remove": { input: { contactId: C, workflowId: "wf1" }, method: "DELETE", path: `/contacts/${C}/workflow/wf1`, body: {} },
  "ghl.contact.followers.add": { input: { contactId: C, followers: ["u1"] }, method: "POST", path: `/contacts/${C}/followers`, body: { followers: ["u1"] }, status: 201 },
  "ghl.contact.followers.remove": { input: { contactId: C, followers: ["u1"] }, method: "DELETE", path: `/contacts/${C}/followers`, body: { followers: ["u1"] } },
  "ghl.task.list": { input: { contactId: C }, method: "GET", path: `/contacts/${C}/tasks` },
  "ghl.task.get": { input: { contactId: C, taskId: "t1" }, method: "GET", path: `/contacts/${C}/tasks/t1` },
  "ghl.task.create": {
    input: { contactId: C, title: "Call", dueDate: "2026-03-20T17:00:00Z", completed: false },
    method: "POST",
    path: `/contacts/${C}/tasks`,
    body: { title: "Call", dueDate: "2026-03-20T17:00:00Z", completed: false },
    status: 201,
  },
  "ghl.task.update": { input: { contactId: C, taskId: "t1", title: "Call back" }, method: "PUT", path: `/contacts/${C}/tasks/t1`, body: { title: "Call back" } },
  "ghl.task.complete": { input: { contactId: C, taskId: "t1", completed: true }, method: "PUT", path: `/contacts/${C}/tasks/t1/completed`, body: { completed: true } },
  "ghl.task.delete": { input: { contactId: C, taskId: "t1" }, method: "DELETE", path: `/contacts/${C}/tasks/t1` },
  "ghl.note.list": { input: { contactId: C }, method: "GET", path: `/contacts/${C}/notes` },
  "ghl.note.get": { input: { contactId: C, noteId: "n1" }, method: "GET", path: `/contacts/${C}/notes/n1` },
  "ghl.note.create": { input: { contactId: C, body: "Hi", pinned: true }, method: "POST", path: `/contacts/${C}/notes`, body: { body: "Hi", pinned: true }, status: 201 },
  "ghl.note.update": { input: { contactId: C, noteId: "n1", body: "Edited" }, method: "PUT", path: `/contacts/${C}/notes/n1`, body: { body: "Edited" } },
  "ghl.note.delete": { input: { contactId: C, noteId: "n1" }, method: "DELETE", path: `/contacts/${C}/notes/n1` },
  "ghl.appointment.list": { input: { contactId: C }, method: "GET", path: `/contacts/${C}/appointments` },
};

const fixtures: Record<string, unknown> = responses;

describe("GHL operations", () => {
  it("has a request case and a fixture for each of the 32 operations", () => {
    expect(ghlOperations).toHaveLength(32);
    expect(Object.keys(cases).sort()).toEqual(ghlOperations.map((op) => op.key).sort());
    expect(Object.keys(fixtures).sort()).toEqual(ghlOperations.map((op) => op.key).sort());
  });

  describe.each(ghlOperations.map((op) => [op.key, op] as const))("%s", (key, op) => {
    const testCase = cases[key];

    it("builds the request and parses a realistic response", async () => {
      const { fetchImpl, requests } = stubFetch(() => ({ status: testCase.status ?? 200, body: fixtures[key] }));
      const output = await op.run(testContext(fetchImpl), op.input.parse(testCase.input));
      const [req] = requests;
      expect(requests).toHaveLength(1);
      expect(req.method).toBe(testCase.method);
      expect(req.url.pathname).toBe(testCase.path);
      expect(Object.fromEntries(req.url.searchParams)).toEqual(testCase.query ?? {});
      expect(req.body).toEqual(testCase.body);
      expect(req.headers.version).toBe("2021-07-28");
      expect(req.headers.authorization).toBe("Bearer tok_123");
      expect(req.headers["idempotency-key"]).toBe(op.effect === "write" ? "run_1:node_1:0" : undefined);
      expect(op.effect).toBe(testCase.method === "GET" || key === "ghl.contact.search" ? "read" : "write");
      // Lenient output schemas keep unknown fields, so the parsed output equals the fixture.
      expect(op.output.parse(output)).toEqual(fixtures[key]);
    });

    it.each([
      [401, { statusCode: 401, message: "Invalid token: access token is invalid", error: "Unauthorized" }, AuthError],
      [401, { statusCode: 401, message: "The token is not authorized for this scope." }, GhlMissingScopeError],
      [403, { statusCode: 403, message: "The token does not have access to this location." }, FatalError],
      [404, { statusCode: 404, message: "Contact not found" }, FatalError],
      [400, { statusCode: 400, message: "Bad Request" }, FatalError],
      [422, { statusCode: 422, message: ["title should not be empty"], error: "Unprocessable Entity" }, FatalError],
      [429, { statusCode: 429, message: "Too many requests" }, RateLimitedError],
      [502, { message: "Bad Gateway" }, RetryableError],
    ] as const)("classifies HTTP %i", async (status, body, errorClass) => {
      const { fetchImpl } = stubFetch(() => ({ status, body, headers: { "x-ratelimit-interval-milliseconds": "10000" } }));
      const run = op.run(testContext(fetchImpl), op.input.parse(testCase.input));
      await expect(run).rejects.toBeInstanceOf(errorClass);
      if (errorClass === GhlMissingScopeError) await expect(run).rejects.toMatchObject({ missingScopes: op.scopes });
    });
  });

  it("surfaces the existing contact id on a duplicate create", async () => {
    const op = ghlOperations.find((candidate) => candidate.key === "ghl.contact.create");
    const { fetchImpl } = stubFetch(() => ({
      status: 400,
      body: { statusCode: 400, message: "This location does not allow duplicated contacts.", meta: { contactId: C, matchingField: "email" } },
    }));
    const error = await op?.run(testContext(fetchImpl), { email: "maya@lindqvist-studio.com" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GhlDuplicateContactError);
    expect(error).toMatchObject({ contactId: C, matchingField: "email", kind: "fatal" });
    expect(String((error as Error).message)).toContain(`A contact with this email already exists (id ${C})`);
  });

  it("fails clearly when no location is known", async () => {
    const op = ghlOperations.find((candidate) => candidate.key === "ghl.contact.search");
    const { fetchImpl, requests } = stubFetch(() => ({ body: {} }));
    const ctx = testContext(fetchImpl, { connection: { id: "c", accountId: null, scopes: [] } });
    await expect(op?.run(ctx, { pageLimit: 10 })).rejects.toBeInstanceOf(FatalError);
    expect(requests).toHaveLength(0);
  });
});
