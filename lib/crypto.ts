/**
 * Secrets at rest: AES-256-GCM with a random 96-bit nonce and the key id stored with each
 * ciphertext, so old ciphertexts stay readable after a rotation until re-encrypted.
 * Envelope: `v1.<keyId>.<nonce b64url>.<ciphertext b64url>.<tag b64url>`.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export type KeyRing = { current: { id: string; key: Buffer }; byId: Map<string, Buffer> };

export class DecryptionError extends Error {}

export function keyId(key: Buffer): string {
  return createHash("sha256").update(key).digest("hex").slice(0, 8);
}

export function parseKey(text: string, name = "encryption key"): Buffer {
  const key = Buffer.from(text.trim(), text.includes("-") || text.includes("_") ? "base64url" : "base64");
  if (key.length !== 32) throw new Error(`${name} must decode to 32 bytes (got ${key.length})`);
  return key;
}

export function makeKeyRing(current: Buffer, previous: Buffer[] = []): KeyRing {
  const byId = new Map<string, Buffer>();
  for (const key of [current, ...previous]) byId.set(keyId(key), key);
  return { current: { id: keyId(current), key: current }, byId };
}

export function encrypt(plaintext: string, ring: KeyRing): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", ring.current.key, nonce);
  cipher.setAAD(Buffer.from(ring.current.id));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return ["v1", ring.current.id, nonce.toString("base64url"), body.toString("base64url"), tag.toString("base64url")].join(".");
}

export function decrypt(envelope: string, ring: KeyRing): string {
  const parts = envelope.split(".");
  if (parts.length !== 5 || parts[0] !== "v1") throw new DecryptionError("not a Bloombridge ciphertext");
  const [, id, nonce, body, tag] = parts;
  const key = ring.byId.get(id);
  if (!key) throw new DecryptionError(`ciphertext was encrypted with key ${id}, which is not configured`);
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(nonce, "base64url"));
    decipher.setAAD(Buffer.from(id));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch (cause) {
    throw new DecryptionError("ciphertext failed authentication: it was tampered with or the key is wrong", { cause });
  }
}

/** Whether the envelope needs re-encryption under the ring's current key. */
export function isStale(envelope: string, ring: KeyRing): boolean {
  return envelope.split(".")[1] !== ring.current.id;
}

export function reencrypt(envelope: string, ring: KeyRing): string {
  return isStale(envelope, ring) ? encrypt(decrypt(envelope, ring), ring) : envelope;
}

/**
 * Key from BLOOMBRIDGE_ENCRYPTION_KEY, else generated once into `<dataDir>/encryption.key`
 * (mode 0600). Previous keys (comma-separated) stay readable for rotation.
 */
export function loadKeyRing(options: { envKey?: string; previousKeys?: string; dataDir: string }): {
  ring: KeyRing;
  source: "env" | "file" | "generated";
  file?: string;
} {
  const previous = (options.previousKeys ?? "")
    .split(",")
    .filter((s) => s.trim())
    .map((s) => parseKey(s, "BLOOMBRIDGE_PREVIOUS_ENCRYPTION_KEYS entry"));
  if (options.envKey) return { ring: makeKeyRing(parseKey(options.envKey, "BLOOMBRIDGE_ENCRYPTION_KEY"), previous), source: "env" };
  const file = path.resolve(options.dataDir, "encryption.key");
  if (existsSync(file)) {
    const lines = readFileSync(file, "utf8").split("\n").filter(Boolean);
    const [current, ...older] = lines.map((line) => parseKey(line, file));
    return { ring: makeKeyRing(current, [...older, ...previous]), source: "file", file };
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, key.toString("base64") + "\n", { mode: 0o600, flag: "wx" });
  chmodSync(file, 0o600);
  return { ring: makeKeyRing(key, previous), source: "generated", file };
}

/** Rotation for the generated key file: prepend a new current key, keep the old ones. */
export function rotateKeyFile(dataDir: string): KeyRing {
  const file = path.resolve(dataDir, "encryption.key");
  const old = existsSync(file) ? readFileSync(file, "utf8").split("\n").filter(Boolean) : [];
  const key = randomBytes(32);
  writeFileSync(file, [key.toString("base64"), ...old].join("\n") + "\n", { mode: 0o600 });
  chmodSync(file, 0o600);
  return makeKeyRing(key, old.map((line) => parseKey(line)));
}
