/**
 * Re-encrypts every stored secret under the current key, so an old key can be retired.
 * Run after adding a new key (`npm run keys:rotate` does both for the generated key file).
 */
import { DecryptionError, isStale, reencrypt, type KeyRing } from "@/lib/crypto";
import { db } from "@/lib/db/client";

export async function resealAllSecrets(ring: KeyRing): Promise<{ resealed: number; unreadable: string[]; total: number }> {
  const rows = await db().connection.findMany({ select: { id: true, secret: true } });
  let resealed = 0;
  const unreadable: string[] = [];
  for (const row of rows) {
    if (!isStale(row.secret, ring)) continue;
    let sealed: string;
    try {
      sealed = reencrypt(row.secret, ring);
    } catch (error) {
      // Sealed under a key that is not configured: report it rather than stop halfway.
      if (error instanceof DecryptionError) {
        unreadable.push(row.id);
        continue;
      }
      throw error;
    }
    // Compare-and-set: a token refresh that rewrote the secret meanwhile is not overwritten.
    const updated = await db().connection.updateMany({ where: { id: row.id, secret: row.secret }, data: { secret: sealed } });
    resealed += updated.count;
  }
  return { resealed, unreadable, total: rows.length };
}
