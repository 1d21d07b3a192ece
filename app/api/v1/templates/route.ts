import { route } from "@/lib/auth/guard";
import { respond } from "@/lib/api/http";
import { templateListSchema } from "@/lib/api/schemas";
import { toTemplateSummary } from "@/lib/api/templates";
import { TEMPLATES } from "@/lib/engine/templates/recipes";

export const dynamic = "force-dynamic";

export const GET = route({ role: "viewer", apiKeys: true }, async () => respond(templateListSchema, { data: TEMPLATES.map(toTemplateSummary) }));
