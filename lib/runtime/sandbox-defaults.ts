/**
 * How the app reaches the local sandboxes when no real HighLevel / Details Flowers settings
 * are given. These are development credentials of local servers, not secrets.
 */
import { readFileSync } from "node:fs";
import path from "node:path";

export const GHL_SANDBOX_DEFAULTS = {
  clientId: "bloombridge-dev-client",
  clientSecret: "bloombridge-dev-secret",
  /** Public half of the sandbox's committed dev-only Ed25519 webhook key. */
  webhookPublicKey: () => readFileSync(path.resolve("sandbox/ghl/dev-webhook-public.pem"), "utf8"),
};

export const DF_SANDBOX_DEFAULTS = {
  apiPrefix: "/v1",
  clientId: "bloombridge-df-client",
  clientSecret: "bloombridge-df-secret",
  webhookSecret: "df-dev-webhook-secret",
};
