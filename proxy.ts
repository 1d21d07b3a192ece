/**
 * Runs before every page request: a fresh CSP nonce, handed to Next.js through the request's
 * Content-Security-Policy header (Next puts it on its scripts) and to the browser in the response.
 * API routes are not matched: a matched request's body would be buffered here before the route
 * reads it (their headers come from next.config.ts).
 */
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { HSTS, isHttpsUrl, pageCsp } from "@/lib/security-headers";

export function proxy(request: NextRequest) {
  const config = env();
  const https = isHttpsUrl(config.BLOOMBRIDGE_PUBLIC_URL);
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = pageCsp({ nonce, dev: config.NODE_ENV === "development", https });
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  if (https) response.headers.set("Strict-Transport-Security", HSTS);
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!api/|_next/static/|_next/image|favicon.ico).*)",
      // Server actions and prefetches return data, not a document to protect.
      missing: [
        { type: "header", key: "next-action" },
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
