/** Runs over time by status, and the error rate, for the runs chart (overall or one workflow). */
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";

export type RunBucket = { start: string; succeeded: number; filtered: number; failed: number; cancelled: number; active: number; total: number; errorRate: number | null };
export type RunStats = { unit: "hour" | "day"; buckets: RunBucket[]; total: number; failed: number; errorRate: number | null };

type StatsFilter = { workflowId?: string; delivery?: string; hours: number; now?: Date };

type Row = { bucket: Date; succeeded: number; filtered: number; failed: number; cancelled: number; active: number };

/** Error rate = failed ÷ runs that did work (succeeded + failed); filtered, cancelled and in-progress runs don't count. */
function errorRate(failed: number, succeeded: number): number | null {
  return failed + succeeded === 0 ? null : failed / (failed + succeeded);
}

export async function runStats({ workflowId, delivery, hours, now = new Date() }: StatsFilter): Promise<RunStats> {
  const unit = hours <= 48 ? "hour" : "day";
  const from = new Date(now.getTime() - hours * 3_600_000);
  const conditions = [Prisma.sql`r.created_at >= ${from}`, Prisma.sql`r.created_at <= ${now}`];
  if (workflowId) conditions.push(Prisma.sql`r.workflow_id = ${workflowId}::uuid`);
  if (delivery) conditions.push(Prisma.sql`r.delivery = ${delivery}`);
  // generate_series fills buckets without runs so the chart's time axis stays even.
  const rows = await db().$queryRaw<Row[]>`
    with buckets as (
      select generate_series(date_trunc(${unit}, ${from}::timestamptz), date_trunc(${unit}, ${now}::timestamptz), ${`1 ${unit}`}::interval) as bucket
    ), counts as (
      select date_trunc(${unit}, r.created_at) as bucket,
        count(*) filter (where r.status = 'succeeded')::int as succeeded,
        count(*) filter (where r.status = 'filtered')::int as filtered,
        count(*) filter (where r.status = 'failed')::int as failed,
        count(*) filter (where r.status = 'cancelled')::int as cancelled,
        count(*) filter (where r.status in ('queued', 'running', 'waiting'))::int as active
      from runs r
      where ${Prisma.join(conditions, " and ")}
      group by 1
    )
    select b.bucket, coalesce(c.succeeded, 0)::int as succeeded, coalesce(c.filtered, 0)::int as filtered, coalesce(c.failed, 0)::int as failed,
      coalesce(c.cancelled, 0)::int as cancelled, coalesce(c.active, 0)::int as active
    from buckets b left join counts c on c.bucket = b.bucket
    order by b.bucket`;
  const buckets = rows.map((r) => ({
    start: r.bucket.toISOString(),
    succeeded: r.succeeded,
    filtered: r.filtered,
    failed: r.failed,
    cancelled: r.cancelled,
    active: r.active,
    total: r.succeeded + r.filtered + r.failed + r.cancelled + r.active,
    errorRate: errorRate(r.failed, r.succeeded),
  }));
  const sum = (key: "succeeded" | "failed") => buckets.reduce((n, b) => n + b[key], 0);
  return { unit, buckets, total: buckets.reduce((n, b) => n + b.total, 0), failed: sum("failed"), errorRate: errorRate(sum("failed"), sum("succeeded")) };
}
