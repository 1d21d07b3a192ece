import { route } from "@/lib/auth/guard";
import { auditedApiWrite } from "@/lib/api/audit";
import { backfillListSchema, backfillSchema, startBackfillBody } from "@/lib/api/backfill-schemas";
import { backfillViews, toBackfill, withBackfillErrors } from "@/lib/api/backfills";
import { respond } from "@/lib/api/http";
import { startBackfill } from "@/lib/engine/backfill/control";

export const dynamic = "force-dynamic";

export const GET = route({ role: "viewer", apiKeys: true }, async () => respond(backfillListSchema, { data: await backfillViews() }));

export const POST = route({ role: "editor", apiKeys: true, input: startBackfillBody }, async ({ input, principal }) => {
  const createdById = principal.kind === "user" ? principal.id : null;
  const backfill = await auditedApiWrite(
    principal,
    (tx) => withBackfillErrors(() => startBackfill({ ...input, createdById }, tx)),
    (row) => ({ action: "backfill.start", target: row.id, details: { workflowId: row.workflowId } }),
  );
  return respond(backfillSchema, await toBackfill(backfill), 201);
});
