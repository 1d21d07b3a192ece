/**
 * Security headers. Every response gets the fixed set (next.config.ts); pages get a Content
 * Security Policy with a fresh nonce per request (proxy.ts), which Next.js puts on its own inline
 * scripts; API routes, which serve no HTML to run, a policy that allows nothing.
 * No imports: next.config.ts loads this file before the app is built.
 */
export const FIXED_HEADERS: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  // For browsers too old for CSP's frame-ancestors.
  "X-Frame-Options": "DENY",
};

export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

// Two years, the HSTS preload list's minimum; not preloaded (that is the operator's choice).
export const HSTS = "max-age=63072000; includeSubDomains";

/**
 * Scripts run only with the nonce (or loaded by one that has it: 'strict-dynamic'). Styles allow
 * inline: the canvas (@xyflow/react) and Radix position elements with style attributes. Dev mode
 * needs eval for React's debugging.
 */
export function pageCsp({ nonce, dev, https }: { nonce: string; dev: boolean; https: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** Served over https: the public URL says so (a TLS proxy in front; `next start` itself is plain HTTP). */
export function isHttpsUrl(url: string | undefined): boolean {
  return url?.startsWith("https://") ?? false;
}
