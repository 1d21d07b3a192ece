"use client";

import { DatabaseBackup } from "lucide-react";
import { useEffect, useState } from "react";
import { EmptyState } from "@/components/ui/empty-state";
import { BackfillCard } from "./backfill-card";
import { BackfillStartForm } from "./backfill-start-form";
import { ACTIVE, type BackfillView, type ConnectionOption, type WorkflowOption } from "./types";

type Props = { initial: BackfillView[]; canEdit: boolean; workflows: WorkflowOption[]; connections: ConnectionOption[] };

const POLL_MS = 2_000;

export function BackfillsPanel({ initial, canEdit, workflows, connections }: Props) {
  const [backfills, setBackfills] = useState(initial);
  const busy = backfills.some((b) => ACTIVE.includes(b.status) || b.runs.queued + b.runs.running + b.runs.waiting > 0);

  // Poll while anything moves: the backfill itself, or the runs it started.
  useEffect(() => {
    if (!busy) return;
    const timer = setInterval(async () => {
      const res = await fetch("/api/v1/backfills", { cache: "no-store" }).catch(() => null);
      if (res?.ok) setBackfills(((await res.json()) as { data: BackfillView[] }).data);
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [busy]);

  const upsert = (changed: BackfillView) => setBackfills((list) => [changed, ...list.filter((b) => b.id !== changed.id)].sort((a, b) => b.createdAt.localeCompare(a.createdAt)));

  return (
    <div className="space-y-4">
      {canEdit && <BackfillStartForm workflows={workflows} connections={connections} onStarted={upsert} />}
      {backfills.length === 0 ? (
        <EmptyState icon={DatabaseBackup} title="No backfills yet" description="A backfill brings contacts that existed before a workflow was published into it." />
      ) : (
        backfills.map((b) => <BackfillCard key={b.id} backfill={b} canEdit={canEdit} onChange={upsert} />)
      )}
    </div>
  );
}
