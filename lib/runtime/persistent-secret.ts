/** Secrets generated once into the data dir, like the encryption key: random, mode 0600. */
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export function randomSecret(): string {
  return randomBytes(32).toString("base64url");
}

/** The secret in `<dataDir>/<file>`, generated on first use, unless the environment sets it. */
export function persistentSecret(dataDir: string, file: string, fromEnv?: string): string {
  if (fromEnv) return fromEnv;
  const full = path.resolve(dataDir, file);
  if (existsSync(full)) return readFileSync(full, "utf8").trim();
  mkdirSync(path.dirname(full), { recursive: true });
  const secret = randomSecret();
  writeFileSync(full, secret + "\n", { mode: 0o600 });
  chmodSync(full, 0o600);
  return secret;
}
