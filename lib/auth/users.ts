import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import { hashPassword } from "./password";
import type { Role } from "./roles";

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function createUser(input: { email: string; password?: string; name?: string | null; role: Role }) {
  return db().user.create({
    data: {
      email: normaliseEmail(input.email),
      name: input.name ?? null,
      role: input.role,
      passwordHash: input.password ? await hashPassword(input.password) : null,
    },
  });
}

export async function findUserByEmail(email: string) {
  return db().user.findUnique({ where: { email: normaliseEmail(email) } });
}

export async function findActiveUser(id: string) {
  const user = await db().user.findUnique({ where: { id } });
  return user && !user.disabledAt ? user : null;
}

/**
 * First start: create an admin when there is none. Uses BLOOMBRIDGE_ADMIN_EMAIL/PASSWORD, or
 * generates a password that the caller prints once. Later starts change nothing.
 */
export async function ensureFirstAdmin(input: { email?: string; password?: string }): Promise<
  { created: false } | { created: true; email: string; password: string; generated: boolean }
> {
  const admins = await db().user.count({ where: { role: "admin", disabledAt: null } });
  if (admins > 0) return { created: false };
  const email = normaliseEmail(input.email ?? "admin@bloombridge.local");
  const generated = !input.password;
  const password = input.password ?? randomBytes(12).toString("base64url");
  const existing = await findUserByEmail(email);
  if (existing) {
    await db().user.update({ where: { id: existing.id }, data: { role: "admin", passwordHash: await hashPassword(password), disabledAt: null } });
  } else {
    await createUser({ email, password, role: "admin", name: "Administrator" });
  }
  return { created: true, email, password, generated };
}
