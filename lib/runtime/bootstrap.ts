/** First-start set-up shared by every role: admin user, bootstrap API key, auth secret. */
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { db } from "@/lib/db/client";
import { createApiKey, hashApiKey } from "@/lib/auth/api-keys";
import { ensureFirstAdmin } from "@/lib/auth/users";

/** A secret generated once into the data dir (mode 0600) unless the environment sets it. */
export function persistentSecret(dataDir: string, file: string, fromEnv?: string): string {
  if (fromEnv) return fromEnv;
  const full = path.resolve(dataDir, file);
  if (existsSync(full)) return readFileSync(full, "utf8").trim();
  mkdirSync(path.dirname(full), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(full, secret + "\n", { mode: 0o600 });
  chmodSync(full, 0o600);
  return secret;
}

export async function bootstrapData(input: {
  adminEmail?: string;
  adminPassword?: string;
  bootstrapApiKey?: string;
  print: (line: string) => void;
}): Promise<void> {
  const admin = await ensureFirstAdmin({ email: input.adminEmail, password: input.adminPassword });
  if (admin.created) {
    input.print(`Created the first admin: ${admin.email}`);
    if (admin.generated) input.print(`  Generated password (shown once, change it after signing in): ${admin.password}`);
  }
  if (input.bootstrapApiKey) {
    const exists = await db().apiKey.findUnique({ where: { hash: hashApiKey(input.bootstrapApiKey) } });
    if (!exists) {
      await createApiKey({ name: "bootstrap (BLOOMBRIDGE_BOOTSTRAP_API_KEY)", role: "admin", key: input.bootstrapApiKey });
      input.print("Created the admin API key from BLOOMBRIDGE_BOOTSTRAP_API_KEY");
    }
  }
}
