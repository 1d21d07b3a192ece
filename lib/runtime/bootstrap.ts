/** First-start set-up shared by every role: the first admin and the bootstrap API key. */
import { db } from "@/lib/db/client";
import { createApiKey, hashApiKey } from "@/lib/auth/api-keys";
import { ensureFirstAdmin } from "@/lib/auth/users";

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
