import { randomBytes } from "node:crypto";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** GHL ids look like `ocQHyuzHvysMo5N5VsXc`: 20 mixed-case alphanumerics. */
export function ghlId(length = 20): string {
  const bytes = randomBytes(length);
  let out = "";
  for (const b of bytes) out += ALPHABET[b % ALPHABET.length];
  return out;
}

export function opaqueToken(prefix: string): string {
  return `${prefix}${randomBytes(24).toString("base64url")}`;
}
