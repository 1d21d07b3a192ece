/**
 * How the app reaches the local sandboxes when no real HighLevel / Details Flowers settings
 * are given. These are development credentials of local servers, not secrets.
 */
import { DEV_LEGACY_RSA_PUBLIC_KEY_PEM, DEV_WEBHOOK_PUBLIC_KEY_PEM } from "../../sandbox/ghl/dev-webhook-key";

export const GHL_SANDBOX_DEFAULTS = {
  clientId: "bloombridge-dev-client",
  clientSecret: "bloombridge-dev-secret",
  /** Public half of the sandbox's committed dev-only Ed25519 webhook key. */
  webhookPublicKey: () => DEV_WEBHOOK_PUBLIC_KEY_PEM,
  legacyRsaPublicKey: () => DEV_LEGACY_RSA_PUBLIC_KEY_PEM,
};

export const DF_SANDBOX_DEFAULTS = {
  apiPrefix: "/v1",
  clientId: "bloombridge-df-client",
  clientSecret: "bloombridge-df-secret",
  webhookSecret: "df-dev-webhook-secret",
};
