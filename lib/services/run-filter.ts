/** The runs list's filter, parsed once from query parameters (page, live stream, bulk replay, chart). */
import { z } from "zod";
import type { RunFilter } from "@/lib/engine/run/replay";
import { RUN_STATUSES } from "@/lib/engine/run/statuses";

export { RUN_STATUSES };
export const RUN_DELIVERIES = ["webhook", "polling", "manual", "schedule", "backfill"] as const;
/** Time ranges offered by the filter, in hours. */
export const RUN_RANGES = { "1h": 1, "24h": 24, "7d": 24 * 7, "30d": 24 * 30 } as const;
export type RunRange = keyof typeof RUN_RANGES;

const empty = (v: unknown) => (v === "" ? undefined : v);

export const runFilterParams = z.object({
  workflowId: z.preprocess(empty, z.uuid("Pick a workflow from the list").optional()),
  status: z.preprocess(empty, z.enum(RUN_STATUSES).optional()),
  delivery: z.preprocess(empty, z.enum(RUN_DELIVERIES).optional()),
  range: z.preprocess(empty, z.enum(Object.keys(RUN_RANGES) as [RunRange, ...RunRange[]]).optional()),
  contact: z.preprocess(empty, z.string().trim().max(320).optional()),
});
export type RunFilterParams = z.output<typeof runFilterParams>;

/** Lenient parse for pages: unknown values are dropped rather than failing the page. */
export function filterParamsFrom(query: Record<string, string | undefined>): RunFilterParams {
  const out: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(runFilterParams.shape)) {
    const parsed = schema.safeParse(query[key]);
    if (parsed.success && parsed.data !== undefined) out[key] = parsed.data;
  }
  return out as RunFilterParams;
}

export function toRunFilter(params: RunFilterParams, now = new Date()): RunFilter {
  const { range, ...rest } = params;
  return { ...rest, ...(range ? { from: new Date(now.getTime() - RUN_RANGES[range] * 3_600_000) } : {}) };
}

export function filterQuery(params: RunFilterParams, extra: Record<string, string> = {}): string {
  const entries = Object.entries({ ...params, ...extra }).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== "");
  return new URLSearchParams(entries).toString();
}
