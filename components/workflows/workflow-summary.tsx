import { AlertTriangle, CircleX } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { StepSummary } from "@/lib/services/workflow-detail";

type Issue = { code: string; message: string; nodeId?: string };

export function WorkflowSummary({ steps, errors, warnings }: { steps: StepSummary[]; errors: Issue[]; warnings: Issue[] }) {
  return (
    <div className="grid gap-4 lg:grid-cols-[2fr_1fr]">
      <Card>
        <CardHeader>
          <CardTitle>Steps</CardTitle>
        </CardHeader>
        <CardContent>
          {steps.length === 0 ? (
            <p className="text-sm text-muted-foreground">This workflow has no steps yet.</p>
          ) : (
            <ol className="space-y-2" aria-label="Steps in order">
              {steps.map((s, i) => (
                <li key={s.id} className="flex items-center gap-3 rounded-md border p-2 text-sm" data-testid={`step-${s.id}`}>
                  <span className="w-6 text-right text-muted-foreground">{i + 1}.</span>
                  <div className="flex-1">
                    <div className="font-medium">{s.label}</div>
                    <div className="text-xs text-muted-foreground">{s.what}</div>
                  </div>
                  {s.connectionLabel && <Badge variant="outline">{s.connectionLabel}</Badge>}
                  <Badge variant="secondary">{s.kind}</Badge>
                </li>
              ))}
            </ol>
          )}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Checks</CardTitle>
        </CardHeader>
        <CardContent className="space-y-2 text-sm" data-testid="workflow-checks">
          {errors.length === 0 && warnings.length === 0 && <p className="text-muted-foreground">No problems found: the workflow can be published.</p>}
          {errors.map((e, i) => (
            <p key={`e${i}`} className="flex gap-2 text-destructive">
              <CircleX className="mt-0.5 size-4 shrink-0" aria-hidden /> {e.message}
            </p>
          ))}
          {warnings.map((w, i) => (
            <p key={`w${i}`} className="flex gap-2 text-warning">
              <AlertTriangle className="mt-0.5 size-4 shrink-0" aria-hidden /> {w.message}
            </p>
          ))}
        </CardContent>
      </Card>
    </div>
  );
}
