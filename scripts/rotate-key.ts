/**
 * `npm run keys:rotate`: new encryption key, every stored secret re-encrypted under it.
 * With BLOOMBRIDGE_ENCRYPTION_KEY set, put the new key there and the old one in
 * BLOOMBRIDGE_PREVIOUS_ENCRYPTION_KEYS first, then run this to re-encrypt.
 */
import { loadKeyRing, rotateKeyFile } from "../lib/crypto";
import { disconnectDb } from "../lib/db/client";
import { resealAllSecrets } from "../lib/services/key-rotation";

if (!process.env.DATABASE_URL) {
  console.error("DATABASE_URL is not set: point it at the database whose secrets to re-encrypt.");
  process.exit(2);
}
const dataDir = process.env.BLOOMBRIDGE_DATA_DIR ?? ".data";
const ring = process.env.BLOOMBRIDGE_ENCRYPTION_KEY
  ? loadKeyRing({ envKey: process.env.BLOOMBRIDGE_ENCRYPTION_KEY, previousKeys: process.env.BLOOMBRIDGE_PREVIOUS_ENCRYPTION_KEYS, dataDir }).ring
  : rotateKeyFile(dataDir);
const { resealed, unreadable, total } = await resealAllSecrets(ring);
console.log(`key ${ring.current.id} is current; re-encrypted ${resealed} of ${total} stored secrets`);
if (unreadable.length) console.error(`${unreadable.length} secret(s) use a key that is not configured (${unreadable.join(", ")}): reconnect those connections and type those workflows' step secrets again`);
await disconnectDb();
