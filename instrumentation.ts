/** Runs once as the Next.js server starts, before it handles requests. */
export async function register() {
  // Node.js only: the stamp hooks the HTTP server this process listens with.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { installClientAddressStamp } = await import("@/lib/auth/client-address");
  installClientAddressStamp();
}
