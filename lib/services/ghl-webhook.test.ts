import { generateKeyPairSync, sign } from "node:crypto";
import { describe, expect, it } from "vitest";
import { dedupeKeyOf, isFresh, parseEnvelope, verifyGhlDelivery } from "./ghl-webhook";

const ed = generateKeyPairSync("ed25519");
const rsa = generateKeyPairSync("rsa", { modulusLength: 2048 });
const keys = {
  ed25519: ed.publicKey.export({ type: "spki", format: "pem" }).toString(),
  legacyRsa: rsa.publicKey.export({ type: "spki", format: "pem" }).toString(),
};

const body = (extra: Record<string, unknown> = {}) =>
  Buffer.from(JSON.stringify({ type: "ContactCreate", locationId: "loc1", id: "c1", webhookId: "wh-1", timestamp: new Date().toISOString(), ...extra }));
const edSig = (raw: Buffer) => sign(null, raw, ed.privateKey).toString("base64");
const rsaSig = (raw: Buffer) => sign("sha256", raw, rsa.privateKey).toString("base64");

describe("GHL webhook verification", () => {
  it("accepts a valid Ed25519 signature over the raw bytes", () => {
    const raw = body();
    expect(verifyGhlDelivery(raw, new Headers({ "x-ghl-signature": edSig(raw) }), keys)).toEqual({ ok: true, scheme: "ed25519" });
  });

  it("refuses a forged signature and a tampered body", () => {
    const raw = body();
    const other = generateKeyPairSync("ed25519");
    expect(verifyGhlDelivery(raw, new Headers({ "x-ghl-signature": sign(null, raw, other.privateKey).toString("base64") }), keys)).toMatchObject({ ok: false, status: 401 });
    const tampered = Buffer.from(raw.toString().replace("c1", "c2"));
    expect(verifyGhlDelivery(tampered, new Headers({ "x-ghl-signature": edSig(raw) }), keys)).toMatchObject({ ok: false, status: 401 });
  });

  it("accepts the legacy RSA signature only while its key is configured", () => {
    const raw = body();
    const headers = new Headers({ "x-wh-signature": rsaSig(raw) });
    expect(verifyGhlDelivery(raw, headers, keys)).toEqual({ ok: true, scheme: "rsa" });
    expect(verifyGhlDelivery(raw, headers, { ed25519: keys.ed25519 })).toMatchObject({ ok: false, status: 401 });
  });

  it("refuses unsigned deliveries, and says when no key is configured", () => {
    expect(verifyGhlDelivery(body(), new Headers(), keys)).toMatchObject({ ok: false, status: 401, message: /not signed/ });
    expect(verifyGhlDelivery(body(), new Headers(), {})).toMatchObject({ ok: false, status: 503 });
  });

  it("treats a delivery older than five minutes, or without a timestamp, as stale", () => {
    const fresh = parseEnvelope(body());
    const stale = parseEnvelope(body({ timestamp: new Date(Date.now() - 6 * 60_000).toISOString() }));
    const missing = parseEnvelope(body({ timestamp: undefined }));
    if ("error" in fresh || "error" in stale || "error" in missing) throw new Error("parse failed");
    expect(isFresh(fresh)).toBe(true);
    expect(isFresh(stale)).toBe(false);
    expect(isFresh(missing)).toBe(false);
  });

  it("dedupes on webhookId, else on the exact bytes", () => {
    const withId = parseEnvelope(body());
    const raw = body({ webhookId: undefined });
    const withoutId = parseEnvelope(raw);
    if ("error" in withId || "error" in withoutId) throw new Error("parse failed");
    expect(dedupeKeyOf(withId, body())).toBe("wh-1");
    expect(dedupeKeyOf(withoutId, raw)).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it.each([
    ["not json", "the body is not JSON"],
    ["[1]", "the body is not a JSON object"],
    ['{"id":"x"}', "the event has no type"],
  ])("rejects %s with a clear message", (raw, message) => {
    expect(parseEnvelope(Buffer.from(raw))).toEqual({ error: message });
  });
});
