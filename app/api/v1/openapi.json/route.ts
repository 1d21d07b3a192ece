import { NextResponse } from "next/server";
import { route } from "@/lib/auth/guard";
import { openApiDocument } from "@/lib/api/openapi";

export const dynamic = "force-dynamic";

/** The OpenAPI 3.1 description of /api/v1, generated from the same zod schemas the handlers validate with. */
export const GET = route({ role: "public" }, async () => NextResponse.json(openApiDocument()));
