import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { describeTrust, planIntegrations, type KeySource } from "./integration-env";
import { DF_SANDBOX_DEFAULTS, GHL_SANDBOX_DEFAULTS } from "./sandbox-defaults";

const REAL_ED = "-----BEGIN PUBLIC KEY-----\nreal-ed25519\n-----END PUBLIC KEY-----";
const REAL_RSA = "-----BEGIN PUBLIC KEY-----\nreal-rsa\n-----END PUBLIC KEY-----";
const plan = (vars: Record<string, string>) => {
  const config = parseEnv(vars);
  return planIntegrations(config, config.BLOOMBRIDGE_SANDBOXES);
};
const devEd = GHL_SANDBOX_DEFAULTS.webhookPublicKey();
const devRsa = GHL_SANDBOX_DEFAULTS.legacyRsaPublicKey();
const devDf = DF_SANDBOX_DEFAULTS.webhookSecret;

type Row = [string, Record<string, string>, { ed?: string; rsa?: string; df?: string }, [KeySource, KeySource, KeySource]];

// Every combination of: sandboxes on/off × real Ed25519 key × real legacy RSA key × real API URL × DF secret.
const cases: Row[] = [
  ["sandboxes only: the sandbox's own dev keys", {}, { ed: devEd, rsa: devRsa, df: devDf }, ["sandbox dev key", "sandbox dev key", "sandbox dev key"]],
  ["a real Ed25519 key (the review's attack): no dev RSA, no dev Ed25519", { GHL_WEBHOOK_PUBLIC_KEY: REAL_ED }, { ed: REAL_ED, df: devDf }, ["configured", "not trusted", "sandbox dev key"]],
  ["a real legacy RSA key only: no dev Ed25519", { GHL_WEBHOOK_LEGACY_RSA_PUBLIC_KEY: REAL_RSA }, { rsa: REAL_RSA, df: devDf }, ["not trusted", "configured", "sandbox dev key"]],
  ["both real GHL keys", { GHL_WEBHOOK_PUBLIC_KEY: REAL_ED, GHL_WEBHOOK_LEGACY_RSA_PUBLIC_KEY: REAL_RSA }, { ed: REAL_ED, rsa: REAL_RSA, df: devDf }, ["configured", "configured", "sandbox dev key"]],
  ["a real GHL API URL without keys: no dev keys for GHL", { GHL_API_BASE_URL: "https://services.leadconnectorhq.com" }, { df: devDf }, ["not trusted", "not trusted", "sandbox dev key"]],
  ["a real DF secret: the dev secret is not added", { DF_WEBHOOK_SECRET: "real-df" }, { ed: devEd, rsa: devRsa, df: "real-df" }, ["sandbox dev key", "sandbox dev key", "configured"]],
  ["a real DF API URL without a secret: no dev secret", { DF_API_BASE_URL: "https://df.example.com/v1" }, { ed: devEd, rsa: devRsa }, ["sandbox dev key", "sandbox dev key", "not trusted"]],
  ["sandboxes off: nothing but what is configured", { BLOOMBRIDGE_SANDBOXES: "false" }, {}, ["not trusted", "not trusted", "not trusted"]],
  ["sandboxes off with real keys", { BLOOMBRIDGE_SANDBOXES: "false", GHL_WEBHOOK_PUBLIC_KEY: REAL_ED, DF_WEBHOOK_SECRET: "real-df" }, { ed: REAL_ED, df: "real-df" }, ["configured", "not trusted", "configured"]],
  ["sandboxes off with an explicit legacy RSA key", { BLOOMBRIDGE_SANDBOXES: "false", GHL_WEBHOOK_LEGACY_RSA_PUBLIC_KEY: REAL_RSA }, { rsa: REAL_RSA }, ["not trusted", "configured", "not trusted"]],
];

describe("planIntegrations: which webhook keys are trusted", () => {
  it.each(cases)("%s", (_, vars, expected, trust) => {
    const { env, trust: got } = plan(vars);
    expect(env.GHL_WEBHOOK_PUBLIC_KEY).toBe(expected.ed);
    expect(env.GHL_WEBHOOK_LEGACY_RSA_PUBLIC_KEY).toBe(expected.rsa);
    expect(env.DF_WEBHOOK_SECRET).toBe(expected.df);
    expect([got.ghlEd25519, got.ghlLegacyRsa, got.dfSecret]).toEqual(trust);
  });

  it("never hands the dev keys on when a real key or URL is set", () => {
    for (const [, vars] of cases.filter(([, v]) => Object.keys(v).length)) {
      const { env } = plan(vars);
      if (vars.GHL_WEBHOOK_PUBLIC_KEY || vars.GHL_WEBHOOK_LEGACY_RSA_PUBLIC_KEY || vars.GHL_API_BASE_URL) {
        expect([env.GHL_WEBHOOK_PUBLIC_KEY, env.GHL_WEBHOOK_LEGACY_RSA_PUBLIC_KEY]).not.toContain(devRsa);
        expect([env.GHL_WEBHOOK_PUBLIC_KEY, env.GHL_WEBHOOK_LEGACY_RSA_PUBLIC_KEY]).not.toContain(devEd);
      }
      if (vars.DF_WEBHOOK_SECRET || vars.DF_API_BASE_URL) expect(env.DF_WEBHOOK_SECRET).not.toBe(devDf);
    }
  });

  it("uses the sandbox URLs and dev clients only while a system uses its sandbox", () => {
    expect(plan({}).env).toMatchObject({ GHL_API_BASE_URL: "http://127.0.0.1:4010", GHL_CLIENT_ID: GHL_SANDBOX_DEFAULTS.clientId, DF_API_BASE_URL: "http://127.0.0.1:4020/v1" });
    const real = plan({ GHL_API_BASE_URL: "https://services.leadconnectorhq.com", DF_API_BASE_URL: "https://df.example.com/v1" }).env;
    expect(real).toMatchObject({ GHL_API_BASE_URL: "https://services.leadconnectorhq.com", GHL_CLIENT_ID: undefined, GHL_CLIENT_SECRET: undefined, GHL_OAUTH_AUTHORIZE_URL: undefined, DF_CLIENT_ID: undefined });
  });

  it("describes the trusted keys in one log line", () => {
    expect(describeTrust(plan({ GHL_WEBHOOK_PUBLIC_KEY: REAL_ED }).trust)).toBe(
      "webhook keys trusted: HighLevel X-GHL-Signature (Ed25519): configured; HighLevel x-wh-signature (legacy RSA): not trusted; Details Flowers HMAC: sandbox dev key",
    );
  });
});
