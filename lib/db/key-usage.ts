import { db } from "./client";

/** How many connection credentials are sealed under each key id (envelope `v1.<keyId>.…`). */
export async function credentialsByKeyId(): Promise<Array<{ keyId: string; count: number }>> {
  const rows = await db().$queryRaw<{ key_id: string; count: bigint }[]>`
    SELECT split_part(secret, '.', 2) AS key_id, count(*) AS count FROM connections GROUP BY 1 ORDER BY 2 DESC`;
  return rows.map((r) => ({ keyId: r.key_id, count: Number(r.count) }));
}
