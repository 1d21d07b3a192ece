/**
 * Security headers as Next.js serves them: a page request through proxy.ts (and next.config.ts's
 * fixed headers), an API request through next.config.ts alone. The browser side (pages still run
 * under the policy) is e2e/security-headers.spec.ts.
 */
import { unstable_doesMiddlewareMatch, unstable_getResponseFromNextConfig } from "next/experimental/testing/server";
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import nextConfig from "@/next.config";

const originalUrl = process.env.BLOOMBRIDGE_PUBLIC_URL;
afterEach(() => {
  if (originalUrl === undefined) delete process.env.BLOOMBRIDGE_PUBLIC_URL;
  else process.env.BLOOMBRIDGE_PUBLIC_URL = originalUrl;
  vi.resetModules();
});

/** proxy.ts and auth options as a process with this public URL loads them (env() is parsed once). */
async function withPublicUrl(url: string) {
  process.env.BLOOMBRIDGE_PUBLIC_URL = url;
  vi.resetModules();
  return { proxy: await import("@/proxy"), auth: await import("@/lib/auth/options") };
}

const fixed = async (path: string, headers: Record<string, string> = {}) =>
  (await unstable_getResponseFromNextConfig({ url: `http://localhost:3000${path}`, nextConfig, headers })).headers;

describe("pages", () => {
  it("get a CSP with a fresh nonce, which Next.js also receives to put on its scripts", async () => {
    const { proxy } = await withPublicUrl("http://localhost:3000");
    const first = proxy.proxy(new NextRequest("http://localhost:3000/workflows"));
    const csp = first.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([A-Za-z0-9+/=]{20,})'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    // NextResponse.next({ request: { headers } }) hands these to the renderer.
    expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
    expect(first.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
    expect(first.headers.get("strict-transport-security")).toBeNull();
    expect(csp).not.toContain("upgrade-insecure-requests");

    const second = proxy.proxy(new NextRequest("http://localhost:3000/workflows"));
    expect(second.headers.get("x-middleware-request-x-nonce")).not.toBe(nonce);

    const page = await fixed("/workflows");
    expect(page.get("x-content-type-options")).toBe("nosniff");
    expect(page.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(page.get("x-frame-options")).toBe("DENY");
  });

  it("get HSTS and upgrade-insecure-requests when the public URL is https", async () => {
    const { proxy } = await withPublicUrl("https://flows.example.com");
    const response = proxy.proxy(new NextRequest("https://flows.example.com/"));
    expect(response.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
    expect(response.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
  });

  it("are what the proxy runs on; API routes, static files, server actions and prefetches are not", async () => {
    const { proxy } = await withPublicUrl("http://localhost:3000");
    const matches = (url: string, headers = {}) => unstable_doesMiddlewareMatch({ config: proxy.config, url, headers, nextConfig });
    expect(matches("/")).toBe(true);
    expect(matches("/workflows/6f9619ff-8b86-4d01-b42d-00c04fc964ff")).toBe(true);
    expect(matches("/sign-in")).toBe(true);
    expect(matches("/api/v1/workflows")).toBe(false);
    expect(matches("/api/hooks/ghl")).toBe(false);
    expect(matches("/_next/static/chunks/main.js")).toBe(false);
    expect(matches("/workflows", { "next-action": "abc" })).toBe(false);
    expect(matches("/workflows", { "next-router-prefetch": "1" })).toBe(false);
  });
});

describe("API routes", () => {
  it("get nosniff, a referrer policy and a CSP that allows nothing, framing included", async () => {
    const api = await fixed("/api/v1/workflows");
    expect(api.get("x-content-type-options")).toBe("nosniff");
    expect(api.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(api.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
    expect(api.get("strict-transport-security")).toBeNull();
  });

  it("get HSTS when the TLS proxy in front says the request came over https", async () => {
    expect((await fixed("/api/health", { "x-forwarded-proto": "https" })).get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
  });
});

describe("session cookies", () => {
  it.each([
    ["https://flows.example.com", true],
    ["http://localhost:3000", false],
  ])("with the public URL %s are Secure: %s", async (url, secure) => {
    const { auth } = await withPublicUrl(url);
    expect(auth.authOptions.useSecureCookies).toBe(secure);
  });
});
