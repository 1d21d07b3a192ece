import { generateKeyPairSync, sign } from "node:crypto";
import { describe, expect, it } from "vitest";
import { checkTimestamp, verifyGhlSignature, verifyLegacyRsaSignature } from "./webhook-signature";

const body = Buffer.from(JSON.stringify({ type: "ContactCreate", locationId: "ve9EPM428h8vShlRW1KT", id: "nmFmQEsNgz6AVpgLVUJ0", webhookId: "wh_1" }));
const pem = (key: { export(options: { type: "spki"; format: "pem" }): string | Buffer }) => String(key.export({ type: "spki", format: "pem" }));

describe("verifyGhlSignature (Ed25519)", () => {
  const ghl = generateKeyPairSync("ed25519");
  const forger = generateKeyPairSync("ed25519");
  const signature = sign(null, body, ghl.privateKey).toString("base64");

  it("accepts a valid signature over the raw bytes", () => {
    expect(verifyGhlSignature(body, signature, pem(ghl.publicKey))).toBe(true);
  });

  it("rejects a signature made with another key", () => {
    expect(verifyGhlSignature(body, sign(null, body, forger.privateKey).toString("base64"), pem(ghl.publicKey))).toBe(false);
  });

  it("rejects a tampered body, including re-serialised JSON", () => {
    const tampered = Buffer.from(body.toString().replace("ContactCreate", "ContactDelete"));
    expect(verifyGhlSignature(tampered, signature, pem(ghl.publicKey))).toBe(false);
    const reserialised = Buffer.from(JSON.stringify(JSON.parse(body.toString()), null, 1));
    expect(verifyGhlSignature(reserialised, signature, pem(ghl.publicKey))).toBe(false);
  });

  it("returns false on garbage instead of throwing", () => {
    expect(verifyGhlSignature(body, "not base64!!", pem(ghl.publicKey))).toBe(false);
    expect(verifyGhlSignature(body, signature, "not a pem")).toBe(false);
  });
});

describe("verifyLegacyRsaSignature (x-wh-signature)", () => {
  const rsa = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const signature = sign("sha256", body, rsa.privateKey).toString("base64");

  it("accepts a valid signature and rejects a tampered body or wrong key", () => {
    expect(verifyLegacyRsaSignature(body, signature, pem(rsa.publicKey))).toBe(true);
    expect(verifyLegacyRsaSignature(Buffer.concat([body, Buffer.from(" ")]), signature, pem(rsa.publicKey))).toBe(false);
    const other = generateKeyPairSync("rsa", { modulusLength: 2048 });
    expect(verifyLegacyRsaSignature(body, signature, pem(other.publicKey))).toBe(false);
    expect(verifyLegacyRsaSignature(body, "", pem(rsa.publicKey))).toBe(false);
  });
});

describe("checkTimestamp", () => {
  const now = new Date("2026-03-14T09:05:00.000Z");
  it("accepts fresh timestamps as ISO strings or epoch ms", () => {
    expect(checkTimestamp("2026-03-14T09:03:00.000Z", now, 5 * 60_000)).toBe(true);
    expect(checkTimestamp(now.getTime() - 1000, now, 5000)).toBe(true);
    expect(checkTimestamp(String(now.getTime() + 1000), now, 5000)).toBe(true);
  });
  it("rejects stale, far-future, missing and unreadable timestamps", () => {
    expect(checkTimestamp("2026-03-14T08:59:59.000Z", now, 5 * 60_000)).toBe(false);
    expect(checkTimestamp(now.getTime() + 10 * 60_000, now, 5 * 60_000)).toBe(false);
    expect(checkTimestamp(undefined, now, 5000)).toBe(false);
    expect(checkTimestamp("yesterday", now, 5000)).toBe(false);
  });
});
