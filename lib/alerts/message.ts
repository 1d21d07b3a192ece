/** What an alert says, once, for both channels: JSON for webhooks, subject + text for email. */
import type { AlertKind } from "@/lib/db/alert-deliveries";

export type AlertMessage = {
  type: AlertKind;
  subject: string;
  text: string;
  payload: Record<string, unknown>;
};

type Context = {
  workflow: { id: string; name: string; pausedReason: string | null } | null;
  run: { id: string; error: unknown } | null;
  failedRuns: number;
  appUrl: string;
  at: Date;
};

function errorMessage(error: unknown): string | null {
  if (error && typeof error === "object" && "message" in error) return String((error as { message: unknown }).message);
  return error == null ? null : String(error);
}

export function buildAlertMessage(kind: AlertKind, ctx: Context): AlertMessage {
  const name = ctx.workflow?.name ?? "a workflow";
  const error = errorMessage(ctx.run?.error);
  const runUrl = ctx.run ? `${ctx.appUrl}/runs/${ctx.run.id}` : null;
  const workflowUrl = ctx.workflow ? `${ctx.appUrl}/workflows/${ctx.workflow.id}` : null;
  const subjects: Record<AlertKind, string> = {
    run_failed: `Run of "${name}" failed`,
    auto_paused: `"${name}" was paused after repeated failures`,
    digest: `${ctx.failedRuns} more runs of "${name}" failed`,
    test: "Bloombridge test alert",
  };
  const lines: Record<AlertKind, string[]> = {
    run_failed: [`A run of the workflow "${name}" failed.`, error ? `Error: ${error}` : "", runUrl ? `Run: ${runUrl}` : ""],
    auto_paused: [ctx.workflow?.pausedReason ?? `"${name}" was paused.`, workflowUrl ? `Workflow: ${workflowUrl}` : "", "Fix the cause, then turn the workflow on again."],
    digest: [`${ctx.failedRuns} more runs of "${name}" failed since the last alert (alerts are grouped to avoid a flood).`, workflowUrl ? `Runs: ${ctx.appUrl}/runs?workflowId=${ctx.workflow?.id}` : ""],
    test: ["This is a test alert from Bloombridge. If you can read it, alerts reach you."],
  };
  return {
    type: kind,
    subject: subjects[kind],
    text: lines[kind].filter(Boolean).join("\n"),
    payload: {
      type: kind,
      at: ctx.at.toISOString(),
      subject: subjects[kind],
      workflow: ctx.workflow ? { id: ctx.workflow.id, name: ctx.workflow.name, url: workflowUrl, pausedReason: ctx.workflow.pausedReason } : null,
      run: ctx.run ? { id: ctx.run.id, url: runUrl, error } : null,
      failedRuns: ctx.failedRuns,
    },
  };
}
