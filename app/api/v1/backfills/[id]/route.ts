import { route } from "@/lib/auth/guard";
import { backfillSchema } from "@/lib/api/backfill-schemas";
import { findBackfillOr404, toBackfill } from "@/lib/api/backfills";
import { respond } from "@/lib/api/http";

export const dynamic = "force-dynamic";

export const GET = route({ role: "viewer", apiKeys: true }, async ({ params }) => respond(backfillSchema, await toBackfill(await findBackfillOr404(params.id))));
