/** User administration: invite (with a one-time password), change role, remove. */
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { HttpError } from "@/lib/auth/guard";
import { hashPassword } from "@/lib/auth/password";
import { ROLES } from "@/lib/auth/roles";
import { createUser, findUserByEmail } from "@/lib/auth/users";
import { db } from "@/lib/db/client";

export const inviteInput = z.object({
  email: z.email("Enter a valid email address"),
  name: z.string().trim().max(80).optional(),
  role: z.enum(ROLES),
});

export async function listUsers() {
  return db().user.findMany({
    where: { disabledAt: null },
    select: { id: true, email: true, name: true, role: true, createdAt: true, lastLoginAt: true, passwordHash: true },
    orderBy: { createdAt: "asc" },
  });
}

/** Creates the user with a generated password that the admin passes on; shown once. */
export async function inviteUser(input: z.output<typeof inviteInput>) {
  const existing = await findUserByEmail(input.email);
  if (existing && !existing.disabledAt) throw new HttpError(409, "conflict", `${existing.email} already has an account`);
  const password = randomBytes(12).toString("base64url");
  if (existing) {
    await db().user.update({ where: { id: existing.id }, data: { disabledAt: null, role: input.role, name: input.name ?? existing.name, passwordHash: await hashPassword(password) } });
    return { id: existing.id, email: existing.email, password };
  }
  const user = await createUser({ email: input.email, name: input.name, role: input.role, password });
  return { id: user.id, email: user.email, password };
}

async function assertNotLastAdmin(userId: string) {
  const user = await db().user.findUnique({ where: { id: userId } });
  if (user?.role !== "admin") return;
  const admins = await db().user.count({ where: { role: "admin", disabledAt: null } });
  if (admins <= 1) throw new HttpError(409, "conflict", "This is the last admin; make someone else admin first");
}

export async function changeRole(userId: string, role: (typeof ROLES)[number]) {
  if (role !== "admin") await assertNotLastAdmin(userId);
  await db().user.update({ where: { id: userId }, data: { role } });
}

/** Removal keeps the row (audit history points at it) but the user can no longer sign in. */
export async function removeUser(userId: string, actingUserId: string | null) {
  if (userId === actingUserId) throw new HttpError(409, "conflict", "You cannot remove yourself");
  await assertNotLastAdmin(userId);
  await db().user.update({ where: { id: userId }, data: { disabledAt: new Date(), passwordHash: null } });
}
