/** Connection management used by the Connections page and the public API. */
import { z } from "zod";
import type { Role } from "@/lib/auth/roles";
import { createConnection, disconnect, getConnection, listConnections, updateConnection, type PublicConnection } from "@/lib/db/connections";
import { connectionSlots } from "@/lib/engine/connection-slots";
import { runtimeForConnection } from "@/lib/engine/connector-runtime";
import { maxConcurrentRequestsField, requestLimitFor } from "@/lib/engine/limits";
import { governorKey, rateGovernor, type Usage } from "@/lib/engine/rate-governor";

export const ghlPitInput = z.object({
  label: z.string().trim().min(1, "Give the connection a name").max(80),
  token: z.string().trim().min(10, "Paste the Private Integration Token"),
  locationId: z.string().trim().min(1, "The token's location (sub-account) id is required"),
});

export const dfCredentialsInput = z.discriminatedUnion("mode", [
  z.object({
    mode: z.literal("client_credentials"),
    label: z.string().trim().min(1, "Give the connection a name").max(80),
    clientId: z.string().trim().min(1, "Client id is required"),
    clientSecret: z.string().trim().min(1, "Client secret is required"),
    accountId: z.string().trim().max(80).optional(),
  }),
  z.object({
    mode: z.literal("api_key"),
    label: z.string().trim().min(1, "Give the connection a name").max(80),
    apiKey: z.string().trim().min(8, "Paste the API key"),
    accountId: z.string().trim().max(80).optional(),
  }),
]);

export async function addGhlPrivateToken(input: z.output<typeof ghlPitInput>, userId: string | null) {
  return createConnection({
    provider: "ghl",
    kind: "pit",
    label: input.label,
    credentials: { accessToken: input.token },
    accountId: input.locationId,
    scopes: ["contacts.readonly", "contacts.write"],
    createdById: userId,
  });
}

export async function addDetailsFlowersConnection(input: z.output<typeof dfCredentialsInput>, userId: string | null) {
  return createConnection({
    provider: "details-flowers",
    kind: input.mode,
    label: input.label,
    credentials: input.mode === "api_key" ? { apiKey: input.apiKey } : { clientId: input.clientId, clientSecret: input.clientSecret },
    accountId: input.accountId || null,
    createdById: userId,
  });
}

export const requestLimitInput = z.object({ id: z.uuid("Pick a connection"), maxConcurrentRequests: maxConcurrentRequestsField });

/** Null when there is no such connection; a limit of null goes back to the provider's default. */
export async function setRequestLimit(input: z.output<typeof requestLimitInput>): Promise<PublicConnection | null> {
  if (!(await getConnection(input.id))) return null;
  return updateConnection(input.id, { maxConcurrentRequests: input.maxConcurrentRequests });
}

export async function removeConnection(id: string): Promise<PublicConnection | null> {
  const existing = await getConnection(id);
  if (existing) await disconnect(id);
  return existing;
}

export type ConnectionView = PublicConnection & { usage: Usage | null; requests: { limit: number; inFlight: number } };

export async function connectionsWithUsage(): Promise<ConnectionView[]> {
  const rows = await listConnections();
  const governor = rateGovernor();
  const slots = connectionSlots();
  return Promise.all(
    rows.map(async (row) => ({
      ...row,
      usage: row.provider === "ghl" ? await governor.usage(governorKey("ghl", row.accountId)) : null,
      requests: { limit: requestLimitFor(row), inFlight: await slots.inFlight(row.id) },
    })),
  );
}

/** Testing calls the provider and spends the connection's rate budget: not for viewers. */
export const TEST_CONNECTION_ROLE: Role = "editor";

/** A cheap authenticated read through the real client stack (auth, refresh, governor). */
export async function testConnection(id: string): Promise<{ ok: true; ms: number } | { ok: false; message: string }> {
  const started = Date.now();
  try {
    const runtime = await runtimeForConnection(id, { timeoutMs: 10_000 });
    if (runtime.provider === "ghl") {
      await runtime.http.request({ method: "POST", path: "/contacts/search", body: { locationId: runtime.connection.accountId, pageLimit: 1 } });
    } else {
      await runtime.http.request({ method: "GET", path: "/clients", query: { limit: 1 } });
    }
    return { ok: true, ms: Date.now() - started };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}
