import { route } from "@/lib/auth/guard";
import { auditedApiWrite } from "@/lib/api/audit";
import { backfillSchema } from "@/lib/api/backfill-schemas";
import { findBackfillOr404, toBackfill, withBackfillErrors } from "@/lib/api/backfills";
import { respond } from "@/lib/api/http";
import { cancelBackfill } from "@/lib/engine/backfill/control";

export const dynamic = "force-dynamic";

export const POST = route({ role: "editor", apiKeys: true }, async ({ params, principal }) => {
  const { id } = await findBackfillOr404(params.id);
  const backfill = await auditedApiWrite(principal, (tx) => withBackfillErrors(() => cancelBackfill(id, tx)), () => ({ action: "backfill.cancel", target: id }));
  return respond(backfillSchema, await toBackfill(backfill));
});
