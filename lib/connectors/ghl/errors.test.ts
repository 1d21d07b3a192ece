import { describe, expect, it } from "vitest";
import { AuthError, FatalError, RateLimitedError, RetryableError } from "../errors";
import type { HttpResponse } from "../http";
import { createGhlHttpClient } from "./client";
import { classifyGhlError, GhlDuplicateContactError, GhlMissingScopeError, scopesForRequest } from "./errors";
import { stubFetch } from "./test-helpers";

const response = (status: number, body: unknown, headers: Record<string, string> = {}, method = "POST", path = "/contacts/"): HttpResponse => ({
  status,
  body,
  headers: new Headers(headers),
  call: { method, path, status },
});

describe("classifyGhlError", () => {
  it("joins 422 message arrays and names the fields", () => {
    const error = classifyGhlError(response(422, { statusCode: 422, message: ["email must be an email", "pageLimit must not be greater than 500"] }));
    expect(error).toBeInstanceOf(FatalError);
    expect(error.message).toContain("fields: email, pageLimit");
    expect(error.message).toContain("email must be an email; pageLimit must not be greater than 500");
  });

  it("turns the duplicate-contact 400 into an error carrying the existing id", () => {
    const error = classifyGhlError(response(400, { statusCode: 400, message: "This location does not allow duplicated contacts.", meta: { contactId: "abc123", matchingField: "phone" } }));
    expect(error).toBeInstanceOf(GhlDuplicateContactError);
    expect(error).toMatchObject({ contactId: "abc123", matchingField: "phone" });
    expect(error.message).toContain("A contact with this phone already exists (id abc123)");
    const unnamed = classifyGhlError(response(400, { meta: { contactId: "abc123" } }));
    expect(unnamed.message).toContain("A contact with this email/phone already exists (id abc123)");
  });

  it("treats a missing scope as fatal and names the scope", () => {
    const error = classifyGhlError(response(401, { message: "The token is not authorized for this scope." }, {}, "PUT", "/contacts/abc/tasks/t1/completed"));
    expect(error).toBeInstanceOf(GhlMissingScopeError);
    expect(error).not.toBeInstanceOf(AuthError);
    expect(error.message).toContain("contacts.write");
  });

  it("maps other statuses", () => {
    expect(classifyGhlError(response(401, { message: "Invalid JWT" }))).toBeInstanceOf(AuthError);
    expect(classifyGhlError(response(403, { message: "The token does not have access to this location." })).message).toContain("does not have access");
    expect(classifyGhlError(response(404, "Cannot GET /contacts/x/nope"))).toBeInstanceOf(FatalError);
    expect(classifyGhlError(response(400, { message: "Contact with id x not found" })).message).toContain("Contact with id x not found");
    expect(classifyGhlError(response(503, {}))).toBeInstanceOf(RetryableError);
    expect(classifyGhlError(response(408, {}))).toBeInstanceOf(RetryableError);
  });

  it("waits per Retry-After, then the burst interval, then the daily reset", () => {
    const wait = (headers: Record<string, string>) => {
      const error = classifyGhlError(response(429, {}, headers));
      expect(error).toBeInstanceOf(RateLimitedError);
      return (error as RateLimitedError).retryAfterMs;
    };
    expect(wait({ "retry-after": "3", "x-ratelimit-interval-milliseconds": "10000" })).toBe(3000);
    expect(wait({ "x-ratelimit-remaining": "0", "x-ratelimit-interval-milliseconds": "7000", "x-ratelimit-daily-remaining": "1500" })).toBe(7000);
    expect(wait({ "x-ratelimit-daily-remaining": "0", "x-ratelimit-daily-reset": "120000" })).toBe(120000);
    expect(wait({ "x-ratelimit-daily-remaining": "0" })).toBe(3_600_000);
    expect(wait({})).toBe(10_000);
  });

  it("finds the scope of a request path, preferring literal segments", () => {
    expect(scopesForRequest("DELETE", "/contacts/abc/campaigns/removeAll")).toEqual(["contacts.write"]);
    expect(scopesForRequest("GET", "/contacts/search/duplicate")).toEqual(["contacts.readonly"]);
    expect(scopesForRequest("GET", "/prefix/contacts/abc")).toEqual(["contacts.readonly"]);
    expect(scopesForRequest("GET", "/users/")).toEqual([]);
  });
});

describe("createGhlHttpClient", () => {
  it("sends Version and a fresh bearer token, against GHL_API_BASE_URL by default", async () => {
    const previous = process.env.GHL_API_BASE_URL;
    process.env.GHL_API_BASE_URL = "http://127.0.0.1:9/ghl";
    try {
      let token = "first";
      const { fetchImpl, requests } = stubFetch(() => ({ body: { ok: true } }));
      const client = createGhlHttpClient({ getAccessToken: async () => token, fetchImpl });
      await client.request({ method: "GET", path: "/contacts/abc" });
      token = "second";
      await client.request({ method: "GET", path: "/contacts/abc" });
      expect(requests[0].url.toString()).toBe("http://127.0.0.1:9/ghl/contacts/abc");
      expect(requests.map((req) => req.headers.authorization)).toEqual(["Bearer first", "Bearer second"]);
      expect(requests[0].headers.version).toBe("2021-07-28");
    } finally {
      if (previous === undefined) delete process.env.GHL_API_BASE_URL;
      else process.env.GHL_API_BASE_URL = previous;
    }
  });

  it("reports every response to afterResponse, including errors", async () => {
    const seen: number[] = [];
    const { fetchImpl } = stubFetch(() => ({ status: 429, body: {}, headers: { "x-ratelimit-remaining": "0" } }));
    const client = createGhlHttpClient({ baseUrl: "https://ghl.test", fetchImpl, afterResponse: (res) => void seen.push(res.status) });
    await expect(client.request({ method: "GET", path: "/contacts/abc" })).rejects.toBeInstanceOf(RateLimitedError);
    expect(seen).toEqual([429]);
  });
});
