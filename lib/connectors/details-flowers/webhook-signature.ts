/**
 * Verifies Details Flowers webhook deliveries:
 * `X-DF-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256("<t>.<raw body>", secret)>`.
 * Verify the raw bytes before parsing JSON; re-serialised JSON would not match. The
 * timestamp is part of the signed text, so a captured delivery cannot be replayed later.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

export const DF_SIGNATURE_HEADER = "x-df-signature";
export const DF_WEBHOOK_ID_HEADER = "x-df-webhook-id";
const DEFAULT_TOLERANCE_SECONDS = 300;

export type SignatureCheck =
  | { ok: true; timestamp: number }
  | { ok: false; reason: "missing" | "malformed" | "stale" | "mismatch"; message: string };

export type VerifyOptions = {
  rawBody: string | Uint8Array;
  header: string | null | undefined;
  /** Several secrets while one is being rotated out. */
  secret: string | readonly string[];
  toleranceSeconds?: number;
  now?: number;
};

function hmacHex(secret: string, timestamp: string, rawBody: string | Uint8Array): string {
  return createHmac("sha256", secret).update(`${timestamp}.`).update(rawBody).digest("hex");
}

/** The header value Details Flowers would send; for tests and the sandbox. */
export function signDfPayload(rawBody: string | Uint8Array, secret: string, timestampSeconds = Math.floor(Date.now() / 1000)): string {
  return `t=${timestampSeconds},v1=${hmacHex(secret, String(timestampSeconds), rawBody)}`;
}

export function verifyDfSignature(options: VerifyOptions): SignatureCheck {
  if (!options.header) return { ok: false, reason: "missing", message: "The X-DF-Signature header is missing." };
  const parts = new Map<string, string[]>();
  for (const item of options.header.split(",")) {
    const [key, ...rest] = item.trim().split("=");
    parts.set(key, [...(parts.get(key) ?? []), rest.join("=")]);
  }
  const t = parts.get("t")?.[0];
  const candidates = (parts.get("v1") ?? []).filter((v) => /^[0-9a-f]{64}$/.test(v));
  if (!t || !/^\d+$/.test(t) || candidates.length === 0) {
    return { ok: false, reason: "malformed", message: "X-DF-Signature must look like t=<unix seconds>,v1=<64 hex chars>." };
  }
  const timestamp = Number(t);
  const nowSeconds = Math.floor((options.now ?? Date.now()) / 1000);
  const tolerance = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  if (Math.abs(nowSeconds - timestamp) > tolerance) {
    return { ok: false, reason: "stale", message: `The signature timestamp is more than ${tolerance} s away from now; refusing a possible replay.` };
  }
  const secrets = typeof options.secret === "string" ? [options.secret] : options.secret;
  for (const secret of secrets) {
    const expected = Buffer.from(hmacHex(secret, t, options.rawBody), "hex");
    for (const candidate of candidates) {
      if (timingSafeEqual(expected, Buffer.from(candidate, "hex"))) return { ok: true, timestamp };
    }
  }
  return { ok: false, reason: "mismatch", message: "The X-DF-Signature does not match the body; check the webhook secret." };
}
