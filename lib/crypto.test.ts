import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DecryptionError, decrypt, encrypt, isStale, loadKeyRing, makeKeyRing, reencrypt, rotateKeyFile } from "./crypto";

const ringA = makeKeyRing(randomBytes(32));

describe("crypto", () => {
  it("round-trips and uses a fresh nonce each time", () => {
    const a = encrypt("secret value", ringA);
    const b = encrypt("secret value", ringA);
    expect(a).not.toBe(b);
    expect(decrypt(a, ringA)).toBe("secret value");
    expect(a.split(".")[1]).toBe(ringA.current.id);
  });

  it.each([
    ["ciphertext", 3],
    ["tag", 4],
    ["nonce", 2],
  ])("fails loudly when the %s is tampered with", (_, index) => {
    const parts = encrypt("do not touch", ringA).split(".");
    const bytes = Buffer.from(parts[index], "base64url");
    bytes[0] ^= 0x01;
    parts[index] = bytes.toString("base64url");
    expect(() => decrypt(parts.join("."), ringA)).toThrow(DecryptionError);
  });

  it("refuses a ciphertext whose key id was swapped to another known key", () => {
    const other = randomBytes(32);
    const ring = makeKeyRing(ringA.current.key, [other]);
    const parts = encrypt("x", ring).split(".");
    parts[1] = makeKeyRing(other).current.id;
    expect(() => decrypt(parts.join("."), ring)).toThrow(/tampered|wrong/);
  });

  it("names the missing key when a ciphertext's key is not configured", () => {
    const envelope = encrypt("x", ringA);
    expect(() => decrypt(envelope, makeKeyRing(randomBytes(32)))).toThrow(/not configured/);
  });

  it("rotates: old ciphertexts stay readable and re-encrypt under the new key", () => {
    const old = encrypt("rotate me", ringA);
    const rotated = makeKeyRing(randomBytes(32), [ringA.current.key]);
    expect(isStale(old, rotated)).toBe(true);
    const fresh = reencrypt(old, rotated);
    expect(isStale(fresh, rotated)).toBe(false);
    expect(decrypt(fresh, makeKeyRing(rotated.current.key))).toBe("rotate me");
    expect(() => decrypt(fresh, ringA)).toThrow(DecryptionError);
  });

  it("generates a key file once with mode 0600 and rotates it in place", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "bb-key-"));
    const first = loadKeyRing({ dataDir: dir });
    expect(first.source).toBe("generated");
    expect(statSync(first.file!).mode & 0o777).toBe(0o600);
    const again = loadKeyRing({ dataDir: dir });
    expect(again.source).toBe("file");
    expect(again.ring.current.id).toBe(first.ring.current.id);
    const sealed = encrypt("kept", first.ring);
    const rotated = rotateKeyFile(dir);
    expect(rotated.current.id).not.toBe(first.ring.current.id);
    expect(readFileSync(first.file!, "utf8").trim().split("\n")).toHaveLength(2);
    const reloaded = loadKeyRing({ dataDir: dir });
    expect(decrypt(sealed, reloaded.ring)).toBe("kept");
    expect(isStale(sealed, reloaded.ring)).toBe(true);
  });

  it("rejects a configured key of the wrong length with the variable's name", () => {
    expect(() => loadKeyRing({ dataDir: "/nonexistent", envKey: "c2hvcnQ=" })).toThrow(/BLOOMBRIDGE_ENCRYPTION_KEY must decode to 32 bytes/);
  });
});
