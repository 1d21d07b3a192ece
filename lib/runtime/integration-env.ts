/**
 * Where the app reaches HighLevel and Details Flowers, and which webhook keys it trusts.
 *
 * The sandboxes' dev credentials are public (they are committed), so they are used only for
 * the sandboxes' own traffic: a system "uses its sandbox" when sandboxes are on and no real
 * API URL is set for it, and its dev webhook keys are trusted only when, on top of that, no
 * real webhook key is set. Setting any real key or URL therefore switches the dev fallback
 * off for that system — a forged delivery signed with the repository's dev key is refused.
 * The legacy RSA header (`x-wh-signature`) follows the same rule: trusted when
 * GHL_WEBHOOK_LEGACY_RSA_PUBLIC_KEY is set, or as the sandbox's own key in pure sandbox mode.
 */
import type { Env } from "../env";
import { DF_SANDBOX_DEFAULTS, GHL_SANDBOX_DEFAULTS } from "./sandbox-defaults";

type IntegrationConfig = Pick<
  Env,
  | "GHL_SANDBOX_PORT"
  | "GHL_API_BASE_URL"
  | "GHL_OAUTH_AUTHORIZE_URL"
  | "GHL_CLIENT_ID"
  | "GHL_CLIENT_SECRET"
  | "GHL_WEBHOOK_PUBLIC_KEY"
  | "GHL_WEBHOOK_LEGACY_RSA_PUBLIC_KEY"
  | "DF_SANDBOX_PORT"
  | "DF_API_BASE_URL"
  | "DF_CLIENT_ID"
  | "DF_CLIENT_SECRET"
  | "DF_WEBHOOK_SECRET"
>;

export type KeySource = "configured" | "sandbox dev key" | "not trusted";

export type IntegrationPlan = {
  /** Variables handed to the web and worker processes (undefined = leave unset). */
  env: Record<string, string | undefined>;
  /** Which webhook keys are trusted and why, for the start-up log. */
  trust: { ghlEd25519: KeySource; ghlLegacyRsa: KeySource; dfSecret: KeySource };
};

const sourceOf = (configured: string | undefined, fallback: string | undefined): KeySource =>
  configured ? "configured" : fallback ? "sandbox dev key" : "not trusted";

export function planIntegrations(config: IntegrationConfig, sandboxesOn: boolean): IntegrationPlan {
  const ghlSandbox = `http://127.0.0.1:${config.GHL_SANDBOX_PORT}`;
  const dfSandbox = `http://127.0.0.1:${config.DF_SANDBOX_PORT}`;
  const ghlUsesSandbox = sandboxesOn && !config.GHL_API_BASE_URL;
  const dfUsesSandbox = sandboxesOn && !config.DF_API_BASE_URL;
  const ghlRealKey = Boolean(config.GHL_WEBHOOK_PUBLIC_KEY || config.GHL_WEBHOOK_LEGACY_RSA_PUBLIC_KEY);
  const ghlDevKeys = ghlUsesSandbox && !ghlRealKey;
  const dfDevSecret = dfUsesSandbox && !config.DF_WEBHOOK_SECRET;

  const devEd25519 = ghlDevKeys ? GHL_SANDBOX_DEFAULTS.webhookPublicKey() : undefined;
  const devLegacyRsa = ghlDevKeys ? GHL_SANDBOX_DEFAULTS.legacyRsaPublicKey() : undefined;
  const devDfSecret = dfDevSecret ? DF_SANDBOX_DEFAULTS.webhookSecret : undefined;
  const ghlDev = <T>(value: T) => (ghlUsesSandbox ? value : undefined);
  const dfDev = <T>(value: T) => (dfUsesSandbox ? value : undefined);

  const env: Record<string, string | undefined> = {
    GHL_SANDBOX_URL: sandboxesOn ? ghlSandbox : undefined,
    GHL_API_BASE_URL: config.GHL_API_BASE_URL ?? ghlDev(ghlSandbox),
    GHL_OAUTH_AUTHORIZE_URL: config.GHL_OAUTH_AUTHORIZE_URL ?? ghlDev(`${ghlSandbox}/oauth/chooselocation`),
    GHL_CLIENT_ID: config.GHL_CLIENT_ID ?? ghlDev(GHL_SANDBOX_DEFAULTS.clientId),
    GHL_CLIENT_SECRET: config.GHL_CLIENT_SECRET ?? ghlDev(GHL_SANDBOX_DEFAULTS.clientSecret),
    GHL_WEBHOOK_PUBLIC_KEY: config.GHL_WEBHOOK_PUBLIC_KEY ?? devEd25519,
    GHL_WEBHOOK_LEGACY_RSA_PUBLIC_KEY: config.GHL_WEBHOOK_LEGACY_RSA_PUBLIC_KEY ?? devLegacyRsa,
    DF_SANDBOX_URL: sandboxesOn ? dfSandbox : undefined,
    DF_API_BASE_URL: config.DF_API_BASE_URL ?? dfDev(`${dfSandbox}${DF_SANDBOX_DEFAULTS.apiPrefix}`),
    DF_CLIENT_ID: config.DF_CLIENT_ID ?? dfDev(DF_SANDBOX_DEFAULTS.clientId),
    DF_CLIENT_SECRET: config.DF_CLIENT_SECRET ?? dfDev(DF_SANDBOX_DEFAULTS.clientSecret),
    DF_WEBHOOK_SECRET: config.DF_WEBHOOK_SECRET ?? devDfSecret,
  };
  return {
    env,
    trust: {
      ghlEd25519: sourceOf(config.GHL_WEBHOOK_PUBLIC_KEY, devEd25519),
      ghlLegacyRsa: sourceOf(config.GHL_WEBHOOK_LEGACY_RSA_PUBLIC_KEY, devLegacyRsa),
      dfSecret: sourceOf(config.DF_WEBHOOK_SECRET, devDfSecret),
    },
  };
}

/** One start-up line naming every trusted webhook key, e.g. for an operator checking a deploy. */
export function describeTrust(trust: IntegrationPlan["trust"]): string {
  return `webhook keys trusted: HighLevel X-GHL-Signature (Ed25519): ${trust.ghlEd25519}; HighLevel x-wh-signature (legacy RSA): ${trust.ghlLegacyRsa}; Details Flowers HMAC: ${trust.dfSecret}`;
}
