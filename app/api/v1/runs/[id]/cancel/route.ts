import { route } from "@/lib/auth/guard";
import { auditedApiWrite } from "@/lib/api/audit";
import { conflict, respond } from "@/lib/api/http";
import { findRunOr404 } from "@/lib/api/runs";
import { cancelResponse } from "@/lib/api/schemas";
import { cancelRun } from "@/lib/engine/run/lifecycle";

export const dynamic = "force-dynamic";

export const POST = route({ role: "editor", apiKeys: true }, async ({ params, principal }) => {
  const run = await findRunOr404(params.id);
  // cancelRun only touches runs still in progress; false means it ended first.
  await auditedApiWrite(
    principal,
    async (tx) => {
      if (!(await cancelRun(run.id, tx))) throw conflict(`Run ${run.id} has already ended (${run.status}); only queued, running or waiting runs can be cancelled`);
    },
    () => ({ action: "run.cancel", target: run.id }),
  );
  return respond(cancelResponse, { id: run.id, status: "cancelled" });
});
