/** Webhook signing: X-DF-Signature: t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">. */
import { createHmac, timingSafeEqual } from "node:crypto";

export function signPayload(secret: string, rawBody: string, unixSeconds = Math.floor(Date.now() / 1000)): string {
  const v1 = createHmac("sha256", secret).update(`${unixSeconds}.${rawBody}`).digest("hex");
  return `t=${unixSeconds},v1=${v1}`;
}

/** Verifies a signature header; rejects anything older than toleranceS to stop replays. */
export function verifySignature(secret: string, rawBody: string, header: string | null | undefined, toleranceS = 300, nowS = Math.floor(Date.now() / 1000)): boolean {
  const parts = Object.fromEntries((header ?? "").split(",").map((kv) => kv.split("=", 2) as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || !/^[0-9a-f]{64}$/.test(parts.v1 ?? "")) return false;
  if (Math.abs(nowS - t) > toleranceS) return false;
  const expected = Buffer.from(createHmac("sha256", secret).update(`${t}.${rawBody}`).digest("hex"), "hex");
  return timingSafeEqual(expected, Buffer.from(parts.v1, "hex"));
}
