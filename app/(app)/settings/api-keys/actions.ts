"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actorOf } from "@/lib/auth/principal";
import { action } from "@/lib/auth/guard";
import { createApiKey, revokeApiKey } from "@/lib/auth/api-keys";
import { ROLES } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/db/audit";

export const createApiKeyAction = action(
  "admin",
  z.object({ name: z.string().trim().min(1, "Give the key a name").max(80), role: z.enum(ROLES) }),
  async (input, principal) => {
    const created = await createApiKey({ ...input, createdById: principal.kind === "user" ? principal.id : null });
    await recordAudit({ ...actorOf(principal), action: "api_key.create", target: created.id, details: { name: input.name, role: input.role } });
    revalidatePath("/settings/api-keys");
    return { key: created.key };
  },
);

export const revokeApiKeyAction = action("admin", z.object({ id: z.uuid() }), async ({ id }, principal) => {
  await revokeApiKey(id);
  await recordAudit({ ...actorOf(principal), action: "api_key.revoke", target: id });
  revalidatePath("/settings/api-keys");
  return { id };
});
