import { createPublicKey, verify, type KeyObject } from "node:crypto";

// Parsing the PEM costs about as much CPU as the verification; keys change only with configuration.
const parsedKeys = new Map<string, KeyObject>();

function publicKey(pem: string): KeyObject {
  let key = parsedKeys.get(pem);
  if (!key) {
    if (parsedKeys.size >= 8) parsedKeys.clear();
    key = createPublicKey(pem);
    parsedKeys.set(pem, key);
  }
  return key;
}

/** Current GHL scheme: Ed25519 over the raw body, base64 in `X-GHL-Signature`. Never throws. */
export function verifyGhlSignature(rawBody: Buffer, signatureB64: string, publicKeyPem: string): boolean {
  try {
    const signature = Buffer.from(signatureB64.trim(), "base64");
    if (signature.length !== 64) return false;
    return verify(null, rawBody, publicKey(publicKeyPem), signature);
  } catch {
    return false;
  }
}

/** Legacy scheme (retired 2026-07-01): RSA-SHA256 PKCS#1 v1.5, base64 in `x-wh-signature`. Never throws. */
export function verifyLegacyRsaSignature(rawBody: Buffer, signatureB64: string, publicKeyPem: string): boolean {
  try {
    const signature = Buffer.from(signatureB64.trim(), "base64");
    if (signature.length === 0) return false;
    return verify("sha256", rawBody, publicKey(publicKeyPem), signature);
  } catch {
    return false;
  }
}

/**
 * Replay protection: true when the payload's `timestamp` (ISO string or epoch ms) lies within
 * `toleranceMs` of `now` in either direction. A missing or unreadable timestamp fails.
 */
export function checkTimestamp(payloadTimestamp: string | number | null | undefined, now: Date | number, toleranceMs = 5 * 60_000): boolean {
  if (payloadTimestamp === null || payloadTimestamp === undefined || payloadTimestamp === "") return false;
  const numeric = typeof payloadTimestamp === "number" ? payloadTimestamp : /^\d+$/.test(payloadTimestamp) ? Number(payloadTimestamp) : Date.parse(payloadTimestamp);
  if (!Number.isFinite(numeric)) return false;
  const nowMs = typeof now === "number" ? now : now.getTime();
  return Math.abs(nowMs - numeric) <= toleranceMs;
}
