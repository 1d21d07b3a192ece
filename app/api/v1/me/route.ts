import { route } from "@/lib/auth/guard";

export const dynamic = "force-dynamic";

/** Who the API key (or session) is: lets automation check its credentials. */
export const GET = route({ role: "viewer", apiKeys: true }, async ({ principal }) => ({
  kind: principal.kind,
  id: principal.id,
  name: principal.kind === "user" ? principal.email : principal.name,
  role: principal.role,
}));
