import { route } from "@/lib/auth/guard";
import { respond } from "@/lib/api/http";
import { catalogListSchema, catalogQuery } from "@/lib/api/schemas";
import { catalogEntries } from "@/lib/engine/catalog";

export const dynamic = "force-dynamic";

export const GET = route({ role: "viewer", apiKeys: true, input: catalogQuery }, async ({ input }) => {
  const q = input.q?.trim().toLowerCase();
  const data = catalogEntries().filter(
    (entry) =>
      (!input.kind || entry.kind === input.kind) &&
      (!input.connector || entry.connector === input.connector) &&
      (!q || `${entry.key} ${entry.label} ${entry.description}`.toLowerCase().includes(q)),
  );
  return respond(catalogListSchema, { data });
});
