/** Who is calling: a signed-in user (session cookie) or an API key (`Authorization: Bearer`). */
import { getServerSession } from "next-auth";
import { verifyApiKey } from "./api-keys";
import { authOptions } from "./options";
import type { Role } from "./roles";
import { findActiveUser } from "./users";

export type Principal =
  | { kind: "user"; id: string; email: string; name: string | null; role: Role }
  | { kind: "api_key"; id: string; name: string; role: Role };

export function bearerToken(headers: Headers): string | null {
  const value = headers.get("authorization");
  const match = value?.match(/^Bearer\s+(\S+)$/i);
  return match ? match[1] : null;
}

export async function principalFromApiKey(headers: Headers): Promise<Principal | null> {
  const token = bearerToken(headers);
  if (!token) return null;
  const key = await verifyApiKey(token);
  return key ? { kind: "api_key", id: key.id, name: key.name, role: key.role } : null;
}

/** The session's user, re-read from the database so role changes and removals apply at once. */
export async function principalFromSession(): Promise<Principal | null> {
  const session = (await getServerSession(authOptions)) as { uid?: string } | null;
  if (!session?.uid) return null;
  const user = await findActiveUser(session.uid);
  return user ? { kind: "user", id: user.id, email: user.email, name: user.name, role: user.role } : null;
}

export function actorOf(principal: Principal): { actorType: "user" | "api_key"; actorId: string } {
  return { actorType: principal.kind, actorId: principal.id };
}
