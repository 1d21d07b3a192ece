import { History } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/ui/status-badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { listRuns } from "@/lib/services/runs";

export const metadata = { title: "Runs" };

const STATUSES = ["succeeded", "failed", "waiting", "running", "queued", "cancelled"] as const;
type Status = (typeof STATUSES)[number];

function duration(start: Date | null, end: Date | null): string {
  if (!start) return "—";
  const ms = (end ?? new Date()).getTime() - start.getTime();
  return ms < 1000 ? `${ms} ms` : ms < 60_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 60_000)} min`;
}

export default async function RunsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  await requireUser();
  const params = await searchParams;
  const status = STATUSES.includes(params.status as Status) ? (params.status as Status) : undefined;
  const workflowId = params.workflowId && /^[0-9a-f-]{36}$/i.test(params.workflowId) ? params.workflowId : undefined;
  const filter = { workflowId, status, contact: params.contact || undefined };
  const [{ runs, nextCursor }, workflows] = await Promise.all([listRuns(filter, params.cursor), db().workflow.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } })]);
  const query = (extra: Record<string, string>) => new URLSearchParams(Object.entries({ ...filter, ...extra }).filter((e): e is [string, string] => Boolean(e[1]))).toString();
  return (
    <div className="space-y-6">
      <PageHeader title="Runs" description="Every run of every workflow, with each step's input and output." />
      <form className="flex flex-wrap items-end gap-2 text-sm" aria-label="Filter runs">
        <label className="grid gap-1">
          Workflow
          <select name="workflowId" defaultValue={workflowId ?? ""} className="h-9 rounded-md border border-input bg-background px-2">
            <option value="">All workflows</option>
            {workflows.map((w) => (
              <option key={w.id} value={w.id}>
                {w.name}
              </option>
            ))}
          </select>
        </label>
        <label className="grid gap-1">
          Status
          <select name="status" defaultValue={status ?? ""} className="h-9 rounded-md border border-input bg-background px-2">
            <option value="">Any status</option>
            {STATUSES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <label className="grid gap-1">
          Contact id or email
          <input name="contact" defaultValue={params.contact ?? ""} className="h-9 w-64 rounded-md border border-input bg-background px-2" />
        </label>
        <Button type="submit" variant="outline">
          Filter
        </Button>
      </form>
      {runs.length === 0 ? (
        <EmptyState icon={History} title="No runs here" description="Runs appear when a published workflow's trigger fires." />
      ) : (
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Status</TableHead>
              <TableHead>Workflow</TableHead>
              <TableHead>Trigger</TableHead>
              <TableHead>Contact</TableHead>
              <TableHead>Started</TableHead>
              <TableHead>Duration</TableHead>
              <TableHead>Attempts</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {runs.map((r) => (
              <TableRow key={r.id} data-testid="run-row">
                <TableCell>
                  <Link href={`/runs/${r.id}`} aria-label={`Run ${r.id}`}>
                    <StatusBadge status={r.status} />
                  </Link>
                </TableCell>
                <TableCell>{r.workflow.name}</TableCell>
                <TableCell className="text-xs">
                  {r.triggerKey} · {r.delivery}
                </TableCell>
                <TableCell>{r.subjectName ?? r.subjectEmail ?? r.subjectId ?? "—"}</TableCell>
                <TableCell>{r.createdAt.toLocaleString()}</TableCell>
                <TableCell>{duration(r.startedAt, r.finishedAt)}</TableCell>
                <TableCell>{r.attempts}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {nextCursor && (
        <Button variant="outline" asChild>
          <Link href={`/runs?${query({ cursor: nextCursor })}`}>Older runs</Link>
        </Button>
      )}
    </div>
  );
}
