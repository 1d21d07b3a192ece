import { Badge } from "@/components/ui/badge";
import { StatusBadge } from "@/components/ui/status-badge";

type Call = { method?: string; path?: string; status?: number; durationMs?: number };

export type StepView = {
  stepKey: string;
  nodeId: string;
  startedAt: string;
  label: string;
  status: string;
  attempt: number;
  durationMs: number | null;
  truncated: boolean;
  input: unknown;
  output: unknown;
  error: { message?: string; apiMessage?: string; fields?: { input: string; message: string }[] } | null;
  calls: Call[];
};

function Json({ title, value }: { title: string; value: unknown }) {
  if (value === null || value === undefined) return null;
  return (
    <details className="rounded-md border bg-muted/30 p-2">
      <summary className="cursor-pointer text-xs font-medium">{title}</summary>
      <pre className="mt-2 max-h-96 overflow-auto text-xs" data-testid={`step-${title.toLowerCase()}`}>
        {JSON.stringify(value, null, 2)}
      </pre>
    </details>
  );
}

export function StepCard({ step }: { step: StepView }) {
  return (
    <li className="space-y-2 rounded-md border p-3 focus:ring-2 focus:ring-ring focus:outline-none" data-testid={`step-${step.stepKey}`} data-node-id={step.nodeId} tabIndex={-1}>
      <div className="flex flex-wrap items-center gap-2">
        <StatusBadge status={step.status === "retrying" ? "waiting" : (step.status as "succeeded")} label={step.status} />
        <span className="font-medium">{step.label}</span>
        {step.stepKey.includes("#") && <Badge variant="outline">item {step.stepKey.split("#").slice(1).join(".")}</Badge>}
        <span className="text-xs text-muted-foreground">
          attempt {step.attempt}
          {step.durationMs !== null && ` · ${step.durationMs} ms`}
        </span>
        {step.truncated && <Badge variant="outline">payload truncated</Badge>}
      </div>
      {step.error && (
        <div className="rounded-md border border-destructive/40 bg-destructive/5 p-2 text-sm text-destructive" role="alert">
          <div>{step.error.message}</div>
          {step.error.fields?.map((f) => (
            <div key={f.input} className="text-xs">
              {f.input}: {f.message}
            </div>
          ))}
        </div>
      )}
      {step.calls.length > 0 && (
        <ul className="text-xs text-muted-foreground" aria-label="API calls">
          {step.calls.map((c, i) => (
            <li key={i} className="font-mono">
              {c.method} {c.path} → {c.status ?? "no answer"} {c.durationMs !== undefined && `(${c.durationMs} ms)`}
            </li>
          ))}
        </ul>
      )}
      <Json title="Input" value={step.input} />
      <Json title="Output" value={step.output} />
    </li>
  );
}
