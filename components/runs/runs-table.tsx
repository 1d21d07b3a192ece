"use client";

import { History } from "lucide-react";
import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { StatusBadge } from "@/components/ui/status-badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { RunRow } from "@/lib/services/run-rows";
import { waitingText } from "@/lib/services/run-wording";
import { formatDuration, formatTime } from "./format";
import { useLiveRuns } from "./use-live-runs";

type Props = { initial: RunRow[]; query: string; firstPage: boolean };

export function RunsTable({ initial, query, firstPage }: Props) {
  const { rows, live } = useLiveRuns(initial, query, firstPage);
  return (
    <div className="space-y-2">
      <p className="text-xs text-muted-foreground" data-testid="live-status" data-live={live}>
        {live ? "Live: new runs and status changes appear here as they happen." : "Connecting for live updates…"}
      </p>
      {rows.length === 0 ? (
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
            {rows.map((r) => (
              <TableRow key={r.id} data-testid="run-row" data-run-id={r.id} data-status={r.status}>
                <TableCell>
                  <Link href={`/runs/${r.id}`} aria-label={`Run ${r.id}`}>
                    <StatusBadge status={r.status} />
                  </Link>
                  {r.resolvedById && (
                    <Link href={`/runs/${r.resolvedById}`} className="mt-1 block text-xs underline" data-testid="run-resolved">
                      Resolved by replay →
                    </Link>
                  )}
                  {r.status === "waiting" && (
                    <div className="mt-1 text-xs text-muted-foreground" data-testid="run-waiting-for" suppressHydrationWarning>
                      {waitingText(r.waitingFor, r.waitUntil ? new Date(r.waitUntil) : null)}
                    </div>
                  )}
                </TableCell>
                <TableCell>{r.workflowName}</TableCell>
                <TableCell className="text-xs">
                  {r.triggerKey} · {r.delivery}
                </TableCell>
                <TableCell>
                  <div>{r.contactName ?? r.contactEmail ?? r.contactId ?? "—"}</div>
                  {r.contactName && r.contactEmail && <div className="text-xs text-muted-foreground">{r.contactEmail}</div>}
                </TableCell>
                <TableCell suppressHydrationWarning>{formatTime(r.startedAt ?? r.createdAt)}</TableCell>
                <TableCell suppressHydrationWarning>{formatDuration(r.startedAt, r.finishedAt)}</TableCell>
                <TableCell>{r.attempts}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
