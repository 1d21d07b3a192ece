/** API keys: `bb_<random>`, stored as sha256 only; shown once at creation. */
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import type { Role } from "./roles";

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

export function generateApiKey(): string {
  return `bb_${randomBytes(24).toString("base64url")}`;
}

export async function createApiKey(input: { name: string; role: Role; createdById?: string | null; key?: string }) {
  const key = input.key ?? generateApiKey();
  const row = await db().apiKey.create({
    data: { name: input.name, role: input.role, prefix: key.slice(0, 10), hash: hashApiKey(key), createdById: input.createdById ?? null },
  });
  return { key, id: row.id, prefix: row.prefix };
}

/** The active key's id and role, or null. Touches `lastUsedAt` at most once a minute. */
export async function verifyApiKey(key: string): Promise<{ id: string; name: string; role: Role } | null> {
  if (!key.startsWith("bb_")) return null;
  const row = await db().apiKey.findUnique({ where: { hash: hashApiKey(key) } });
  if (!row || row.revokedAt) return null;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db().apiKey.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  return { id: row.id, name: row.name, role: row.role };
}

export async function listApiKeys() {
  return db().apiKey.findMany({
    select: { id: true, name: true, prefix: true, role: true, createdAt: true, lastUsedAt: true, revokedAt: true },
    orderBy: { createdAt: "desc" },
  });
}

export async function revokeApiKey(id: string): Promise<void> {
  await db().apiKey.update({ where: { id }, data: { revokedAt: new Date() } });
}
