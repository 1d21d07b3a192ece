import { route } from "@/lib/auth/guard";
import { notFound, respond } from "@/lib/api/http";
import { catalogEntrySchema } from "@/lib/api/schemas";
import { catalogEntry } from "@/lib/engine/catalog";

export const dynamic = "force-dynamic";

export const GET = route({ role: "viewer", apiKeys: true }, async ({ params }) => {
  const entry = catalogEntry(params.key ?? "");
  if (!entry) throw notFound("Catalog entry", params.key ?? "(missing)");
  return respond(catalogEntrySchema, entry);
});
