"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/auth/guard";
import { actorOf } from "@/lib/auth/principal";
import { ROLES } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/db/audit";
import { changeRole, inviteInput, inviteUser, removeUser } from "@/lib/services/users";

export const inviteUserAction = action("admin", inviteInput, async (input, principal) => {
  const invited = await inviteUser(input);
  await recordAudit({ ...actorOf(principal), action: "user.invite", target: invited.id, details: { email: invited.email, role: input.role } });
  revalidatePath("/settings/users");
  return invited;
});

export const changeRoleAction = action("admin", z.object({ id: z.uuid(), role: z.enum(ROLES) }), async ({ id, role }, principal) => {
  await changeRole(id, role);
  await recordAudit({ ...actorOf(principal), action: "user.change_role", target: id, details: { role } });
  revalidatePath("/settings/users");
  return { id };
});

export const removeUserAction = action("admin", z.object({ id: z.uuid() }), async ({ id }, principal) => {
  await removeUser(id, principal.kind === "user" ? principal.id : null);
  await recordAudit({ ...actorOf(principal), action: "user.remove", target: id });
  revalidatePath("/settings/users");
  return { id };
});
