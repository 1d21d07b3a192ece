"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action, HttpError } from "@/lib/auth/guard";
import { actorOf } from "@/lib/auth/principal";
import { recordAudit } from "@/lib/db/audit";
import {
  addDetailsFlowersConnection,
  addGhlPrivateToken,
  dfCredentialsInput,
  ghlPitInput,
  removeConnection,
  requestLimitInput,
  setRequestLimit,
  testConnection,
  TEST_CONNECTION_ROLE,
} from "@/lib/services/connections";

const userIdOf = (p: { kind: string; id: string }) => (p.kind === "user" ? p.id : null);

export const addGhlPitAction = action("admin", ghlPitInput, async (input, principal) => {
  const connection = await addGhlPrivateToken(input, userIdOf(principal));
  await recordAudit({ ...actorOf(principal), action: "connection.connect", target: connection.id, details: { provider: "ghl", kind: "pit" } });
  revalidatePath("/connections");
  return { id: connection.id };
});

export const addDfConnectionAction = action("admin", dfCredentialsInput, async (input, principal) => {
  const connection = await addDetailsFlowersConnection(input, userIdOf(principal));
  await recordAudit({ ...actorOf(principal), action: "connection.connect", target: connection.id, details: { provider: "details-flowers", kind: input.mode } });
  revalidatePath("/connections");
  return { id: connection.id };
});

export const disconnectAction = action("admin", z.object({ id: z.uuid() }), async ({ id }, principal) => {
  await removeConnection(id);
  await recordAudit({ ...actorOf(principal), action: "connection.disconnect", target: id });
  revalidatePath("/connections");
  return { id };
});

export const setRequestLimitAction = action("admin", requestLimitInput, async (input, principal) => {
  const connection = await setRequestLimit(input);
  if (!connection) throw new HttpError(404, "not_found", "This connection no longer exists");
  await recordAudit({ ...actorOf(principal), action: "connection.update", target: input.id, details: { maxConcurrentRequests: input.maxConcurrentRequests } });
  revalidatePath("/connections");
  return { maxConcurrentRequests: connection.maxConcurrentRequests };
});

export const testConnectionAction = action(TEST_CONNECTION_ROLE, z.object({ id: z.uuid() }), async ({ id }) => {
  const result = await testConnection(id);
  revalidatePath("/connections");
  return result;
});
