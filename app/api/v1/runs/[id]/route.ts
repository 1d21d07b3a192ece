import { route } from "@/lib/auth/guard";
import { respond } from "@/lib/api/http";
import { findRunOr404, toRun } from "@/lib/api/runs";
import { runSchema } from "@/lib/api/schemas";

export const dynamic = "force-dynamic";

export const GET = route({ role: "viewer", apiKeys: true }, async ({ params }) => respond(runSchema, toRun(await findRunOr404(params.id))));
