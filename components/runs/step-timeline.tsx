import type { StepView } from "./step-card";

/** Steps on one time axis from the run's start: where each began, how long it took, which attempt. */
export function StepTimeline({ steps, runStart }: { steps: StepView[]; runStart: string | null }) {
  const origin = runStart ? Date.parse(runStart) : Math.min(...steps.map((s) => Date.parse(s.startedAt)));
  const spans = steps.map((s) => ({ step: s, offset: Math.max(0, Date.parse(s.startedAt) - origin), length: s.durationMs ?? 0 }));
  const total = Math.max(1, ...spans.map((s) => s.offset + s.length));
  return (
    <ol className="space-y-1 rounded-md border p-3 text-xs" aria-label="Step timeline" data-testid="step-timeline">
      {spans.map(({ step, offset, length }) => (
        <li key={step.stepKey} className="grid grid-cols-[12rem_1fr_9rem] items-center gap-2">
          <span className="truncate">{step.label}{step.stepKey.includes("#") ? ` (${step.stepKey.split("#")[1]})` : ""}</span>
          <span className="relative h-3 rounded bg-muted">
            <span
              className={step.status === "failed" ? "absolute h-3 rounded bg-destructive" : step.status === "succeeded" ? "absolute h-3 rounded bg-success" : "absolute h-3 rounded bg-warning"}
              style={{ left: `${(offset / total) * 100}%`, width: `max(2px, ${(length / total) * 100}%)` }}
            />
          </span>
          <span className="text-muted-foreground">
            {step.durationMs === null ? "—" : `${step.durationMs} ms`} · attempt {step.attempt}
          </span>
        </li>
      ))}
    </ol>
  );
}
