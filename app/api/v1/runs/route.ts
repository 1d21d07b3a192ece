import { route } from "@/lib/auth/guard";
import { respond } from "@/lib/api/http";
import { listRunsPage } from "@/lib/api/runs";
import { listRunsQuery, runPageSchema } from "@/lib/api/schemas";

export const dynamic = "force-dynamic";

/** Newest first; pass `nextCursor` back as `cursor` for the next page (null on the last page). */
export const GET = route({ role: "viewer", apiKeys: true, input: listRunsQuery }, async ({ input }) => respond(runPageSchema, await listRunsPage(input)));
