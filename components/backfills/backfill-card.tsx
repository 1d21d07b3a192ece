"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Progress } from "@/components/ui/progress";
import { StatusBadge } from "@/components/ui/status-badge";
import { backfillRequest, formatDuration, type BackfillView } from "./types";

type Props = { backfill: BackfillView; canEdit: boolean; onChange: (backfill: BackfillView) => void };

function progressText(b: BackfillView): string {
  const processed = b.done + b.failed;
  const of = b.total === null ? "counting contacts…" : `${processed.toLocaleString()} / ${b.total.toLocaleString()} contacts`;
  const eta = b.status === "running" && b.etaSeconds !== null ? ` · about ${formatDuration(b.etaSeconds)} left` : "";
  const rate = b.status === "running" && b.ratePerSecond !== null ? ` · ${b.ratePerSecond}/s` : "";
  return `${of}${eta}${rate}`;
}

function scopeText(scope: Record<string, unknown>): string {
  const parts = [scope.includeTasks && "tasks", scope.includeNotes && "notes", scope.includeAppointments && "appointments"].filter(Boolean);
  const since = typeof scope.since === "string" ? ` · added since ${scope.since.slice(0, 10)}` : "";
  const limit = typeof scope.limit === "number" ? ` · first ${scope.limit}` : "";
  return `Contacts${parts.length ? ` with ${parts.join(", ")}` : ""}${since}${limit}`;
}

export function BackfillCard({ backfill: b, canEdit, onChange }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const act = (verb: "pause" | "resume" | "cancel") =>
    startTransition(async () => {
      setError(null);
      try {
        onChange(await backfillRequest(`/${b.id}/${verb}`));
      } catch (e) {
        setError((e as Error).message);
      }
    });
  const ended = b.status === "succeeded" || b.status === "failed" || b.status === "cancelled";
  const runsLink = `/runs?workflowId=${b.workflowId}`;
  return (
    <Card data-testid="backfill" data-status={b.status} aria-label={`Backfill into ${b.workflowName}`}>
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          {b.workflowName} <StatusBadge status={b.status} />
        </CardTitle>
        <CardDescription>
          {scopeText(b.scope)} · started {b.startedAt ? new Date(b.startedAt).toLocaleString() : "—"}
        </CardDescription>
        {canEdit && !ended && (
          <CardAction className="flex gap-2">
            {b.status === "running" && (
              <Button size="sm" variant="outline" disabled={pending} onClick={() => act("pause")}>
                Pause
              </Button>
            )}
            {b.status === "paused" && (
              <Button size="sm" disabled={pending} onClick={() => act("resume")}>
                Resume
              </Button>
            )}
            <Button size="sm" variant="ghost" disabled={pending} onClick={() => act("cancel")}>
              Cancel
            </Button>
          </CardAction>
        )}
        {canEdit && b.status === "failed" && (
          <CardAction>
            <Button size="sm" disabled={pending} onClick={() => act("resume")}>
              Retry from where it stopped
            </Button>
          </CardAction>
        )}
      </CardHeader>
      <CardContent className="space-y-2 text-sm">
        <Progress value={b.percent ?? 0} aria-label="Backfill progress" aria-valuetext={`${b.percent ?? 0}%`} />
        <p data-testid="backfill-progress">{progressText(b)}</p>
        {b.error && <p className="text-destructive">{b.error}</p>}
        {error && <p className="text-destructive">{error}</p>}
        <p data-testid="backfill-summary" className="text-muted-foreground">
          Runs: <Link className="underline" href={`${runsLink}&status=succeeded`}>{b.runs.succeeded} succeeded</Link>
          {" · "}
          <Link className="underline" href={`${runsLink}&status=failed`}>{b.runs.failed} failed</Link>
          {b.runs.queued + b.runs.running + b.runs.waiting > 0 && ` · ${b.runs.queued + b.runs.running + b.runs.waiting} in progress`}
          {b.failed > 0 && ` · ${b.failed} contacts could not be read from GHL`}
          {ended && b.status === "succeeded" && b.runs.queued + b.runs.running + b.runs.waiting === 0 && " · all done"}
        </p>
      </CardContent>
    </Card>
  );
}
