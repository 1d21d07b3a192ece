import Link from "next/link";
import { notFound } from "next/navigation";
import { RunActions } from "@/components/runs/run-actions";
import { RunAutoRefresh } from "@/components/runs/run-auto-refresh";
import { RunGraph } from "@/components/runs/run-graph";
import { StepCard, type StepView } from "@/components/runs/step-card";
import { StepTimeline } from "@/components/runs/step-timeline";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/ui/status-badge";
import { requireUser } from "@/lib/auth/guard";
import { hasRole } from "@/lib/auth/roles";
import { adviceFor, filteredText, getRun, nodeStatuses, waitingText } from "@/lib/services/runs";
import { cancelRunAction, replayRunAction } from "../actions";

export const metadata = { title: "Run" };

export default async function RunPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const found = /^[0-9a-f-]{36}$/i.test(id) ? await getRun(id) : null;
  if (!found) notFound();
  const { run, labels, graph } = found;
  const error = run.error as { message?: string; apiMessage?: string; kind?: string; status?: number; nodeLabel?: string; fields?: unknown } | null;
  const steps: StepView[] = run.steps.map((s) => ({
    stepKey: s.stepKey,
    nodeId: s.nodeId,
    startedAt: s.startedAt.toISOString(),
    label: labels[s.nodeId] ?? s.nodeId,
    status: s.status,
    attempt: s.attempt,
    durationMs: s.durationMs,
    truncated: s.truncated,
    input: s.input,
    output: s.output,
    error: s.error as StepView["error"],
    calls: (s.calls as StepView["calls"]) ?? [],
  }));
  const waiting = waitingText(run.waitingFor, run.waitUntil);
  const filtered = filteredText(run.status, run.steps, labels);
  return (
    <div className="space-y-6">
      <RunAutoRefresh active={["queued", "running", "waiting"].includes(run.status)} />
      <PageHeader title={`Run of “${run.workflow.name}”`} description={`Version ${run.workflowVersion.version} · ${run.triggerKey} (${run.delivery}) · ${run.createdAt.toLocaleString()}`}>
        <StatusBadge status={run.status} />
      </PageHeader>
      <div className="flex flex-wrap gap-4 text-sm text-muted-foreground">
        {(run.subjectName || run.subjectEmail) && <span>Contact: {[run.subjectName, run.subjectEmail].filter(Boolean).join(" · ")}</span>}
        <span>Attempts: {run.attempts}</span>
        {run.resolvedById && (
          <Link className="underline" href={`/runs/${run.resolvedById}`} data-testid="run-resolved">
            Resolved by replay →
          </Link>
        )}
        {run.replayOfId && (
          <Link className="underline" href={`/runs/${run.replayOfId}`}>
            Replay of an earlier run ({run.replayMode?.replaceAll("_", " ")})
          </Link>
        )}
        <Link className="underline" href={`/workflows/${run.workflow.id}`}>
          Open the workflow
        </Link>
      </div>
      {waiting && <p className="rounded-md border p-3 text-sm" data-testid="run-waiting">{waiting}</p>}
      {filtered && <p className="rounded-md border p-3 text-sm" data-testid="run-filtered">{filtered}</p>}
      {error && (
        <div className="space-y-1 rounded-md border border-destructive/40 bg-destructive/5 p-3 text-sm" data-testid="run-error">
          <div className="font-medium text-destructive">
            {error.nodeLabel ? `“${error.nodeLabel}” failed: ` : ""}
            {error.message}
          </div>
          <div>{adviceFor(error)}</div>
        </div>
      )}
      {hasRole(user.role, "editor") && <RunActions runId={run.id} status={run.status} replay={replayRunAction} cancel={cancelRunAction} />}
      <section aria-labelledby="graph-heading" className="space-y-2">
        <h2 id="graph-heading" className="text-lg font-semibold">
          Workflow (version {run.workflowVersion.version})
        </h2>
        <p className="text-xs text-muted-foreground">Each step is coloured by how it went in this run; click one to see its details.</p>
        <RunGraph graph={graph} statuses={nodeStatuses(run.steps)} />
      </section>
      {steps.length > 0 && <StepTimeline steps={steps} runStart={run.startedAt?.toISOString() ?? null} />}
      <section aria-labelledby="steps-heading" className="space-y-2">
        <h2 id="steps-heading" className="text-lg font-semibold">
          Steps
        </h2>
        <details className="rounded-md border bg-muted/30 p-2">
          <summary className="cursor-pointer text-xs font-medium">Trigger payload</summary>
          <pre className="mt-2 max-h-96 overflow-auto text-xs">{JSON.stringify(run.event.payload, null, 2)}</pre>
        </details>
        <ol className="space-y-2">
          {steps.map((s) => (
            <StepCard key={s.stepKey} step={s} />
          ))}
        </ol>
      </section>
    </div>
  );
}
