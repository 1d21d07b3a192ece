/** The process's key ring, and helpers to seal/open connection credentials with it. */
import { decrypt, encrypt, loadKeyRing, reencrypt, type KeyRing } from "@/lib/crypto";

let ring: { ring: KeyRing; source: string } | undefined;

export function keyRing(): KeyRing {
  ring ??= loadKeyRing({
    envKey: process.env.BLOOMBRIDGE_ENCRYPTION_KEY || undefined,
    previousKeys: process.env.BLOOMBRIDGE_PREVIOUS_ENCRYPTION_KEYS,
    dataDir: process.env.BLOOMBRIDGE_DATA_DIR ?? ".data",
  });
  return ring.ring;
}

export function keyStatus(): { keyId: string; source: string; previousKeys: number } {
  const current = keyRing();
  return { keyId: current.current.id, source: ring?.source ?? "unknown", previousKeys: current.byId.size - 1 };
}

export function sealJson(value: unknown): string {
  return encrypt(JSON.stringify(value), keyRing());
}

export function openJson<T>(envelope: string): T {
  return JSON.parse(decrypt(envelope, keyRing())) as T;
}

export function resealIfStale(envelope: string): string {
  return reencrypt(envelope, keyRing());
}

/** Test hook: forget the cached ring so a changed environment is picked up. */
export function resetKeyRingForTests(): void {
  ring = undefined;
}
