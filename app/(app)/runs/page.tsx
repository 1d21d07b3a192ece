import Link from "next/link";
import { BulkReplay } from "@/components/runs/bulk-replay";
import { RunFilterForm } from "@/components/runs/run-filter-form";
import { RunsChart } from "@/components/runs/runs-chart";
import { RunsTable } from "@/components/runs/runs-table";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/guard";
import { hasRole } from "@/lib/auth/roles";
import { filterParamsFrom, filterQuery, RUN_RANGES, toRunFilter } from "@/lib/services/run-filter";
import { toRunRow } from "@/lib/services/run-rows";
import { runStats } from "@/lib/services/run-stats";
import { listRuns, listWorkflowNames } from "@/lib/services/runs";
import { bulkReplayAction, countBulkReplayAction } from "./actions";

export const metadata = { title: "Runs" };

export default async function RunsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requireUser();
  const params = await searchParams;
  const filter = filterParamsFrom(params);
  const cursor = params.cursor && /^[0-9a-f-]{36}$/i.test(params.cursor) ? params.cursor : undefined;
  const [{ runs, nextCursor }, workflows, stats] = await Promise.all([
    listRuns(toRunFilter(filter), cursor),
    listWorkflowNames(),
    runStats({ workflowId: filter.workflowId, delivery: filter.delivery, hours: RUN_RANGES[filter.range ?? "24h"] }),
  ]);
  const workflowName = workflows.find((w) => w.id === filter.workflowId)?.name;
  return (
    <div className="space-y-6">
      <PageHeader title="Runs" description="Every run of every workflow, with each step's input and output." />
      <RunFilterForm filter={filter} workflows={workflows} />
      <RunsChart stats={stats} title={`Runs over time: ${workflowName ? `“${workflowName}”` : "all workflows"}`} />
      {hasRole(user.role, "editor") && <BulkReplay filter={filter} count={countBulkReplayAction} replay={bulkReplayAction} />}
      <RunsTable initial={runs.map(toRunRow)} query={filterQuery(filter)} firstPage={!cursor} />
      <div className="flex gap-2">
        {cursor && (
          <Button variant="outline" asChild>
            <Link href={`/runs?${filterQuery(filter)}`}>Newest runs</Link>
          </Button>
        )}
        {nextCursor && (
          <Button variant="outline" asChild>
            <Link href={`/runs?${filterQuery(filter, { cursor: nextCursor })}`}>Older runs</Link>
          </Button>
        )}
      </div>
    </div>
  );
}
