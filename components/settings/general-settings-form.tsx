"use client";

import { useState, useTransition } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Switch } from "@/components/ui/switch";
import type { ActionResult } from "@/lib/auth/guard";

type Values = { emailTo: string; webhookUrl: string; onFailure: boolean; onAutoPause: boolean; autoPauseAfter: number; maxAgeDays: number; maxRunsPerWorkflow: number };
type TestResult = { decision: string; deliveries: Array<{ channel: string; status: string; error?: string }> };

type Props = {
  canManage: boolean;
  initial: Values;
  webhookSecret: string | null;
  saveAction: (input: Values) => Promise<ActionResult<{ webhookSecret: string | null }>>;
  rotateSecretAction: (input: Record<string, never>) => Promise<ActionResult<{ webhookSecret: string | null }>>;
  testAlertAction: (input: Record<string, never>) => Promise<ActionResult<TestResult>>;
};

function describeResult(result: ActionResult<unknown>): string {
  return result.ok ? "" : result.fields?.map((f) => `${f.field}: ${f.message}`).join("; ") || result.error;
}

export function GeneralSettingsForm({ canManage, initial, webhookSecret, saveAction, rotateSecretAction, testAlertAction }: Props) {
  const [values, setValues] = useState(initial);
  const [secret, setSecret] = useState(webhookSecret);
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues((v) => ({ ...v, [key]: value }));
  const run = (fn: () => Promise<void>) => startTransition(async () => { setMessage(null); await fn(); });

  const save = () =>
    run(async () => {
      const result = await saveAction(values);
      if (result.ok) { setSecret(result.data.webhookSecret); setMessage({ tone: "ok", text: "Settings saved." }); }
      else setMessage({ tone: "error", text: describeResult(result) });
    });
  const rotate = () =>
    run(async () => {
      const result = await rotateSecretAction({});
      if (result.ok) { setSecret(result.data.webhookSecret); setMessage({ tone: "ok", text: "New signing secret generated; update your receiver." }); }
      else setMessage({ tone: "error", text: describeResult(result) });
    });
  const test = () =>
    run(async () => {
      const result = await testAlertAction({});
      if (!result.ok) return setMessage({ tone: "error", text: describeResult(result) });
      const parts = result.data.deliveries.map((d) => `${d.channel}: ${d.status}${d.error ? ` (${d.error})` : ""}`);
      const failed = result.data.deliveries.some((d) => d.status === "failed");
      setMessage({ tone: failed ? "error" : "ok", text: `Test alert — ${parts.join(", ")}` });
    });

  const number = (key: "autoPauseAfter" | "maxAgeDays" | "maxRunsPerWorkflow", label: string, hint: string) => (
    <div className="grid gap-1.5">
      <Label htmlFor={key}>{label}</Label>
      <Input id={key} type="number" min={1} value={values[key]} disabled={!canManage} onChange={(e) => set(key, Number(e.target.value))} className="w-40" />
      <p className="text-xs text-muted-foreground">{hint}</p>
    </div>
  );

  return (
    <form className="space-y-6" onSubmit={(e) => { e.preventDefault(); save(); }}>
      {!canManage && <p className="text-sm text-muted-foreground">Only admins can change these settings.</p>}
      <Card>
        <CardHeader>
          <CardTitle>Alerts</CardTitle>
          <CardDescription>Sent when a run fails or a workflow is paused. Repeated failures within 5 minutes are grouped into one “N more runs failed” alert.</CardDescription>
        </CardHeader>
        <CardContent className="space-y-4">
          <div className="grid gap-1.5">
            <Label htmlFor="emailTo">Email recipients</Label>
            <Input id="emailTo" value={values.emailTo} disabled={!canManage} placeholder="ops@example.com, oncall@example.com" onChange={(e) => set("emailTo", e.target.value)} />
            <p className="text-xs text-muted-foreground">Sent through SMTP_URL; without it, emails are written to the log.</p>
          </div>
          <div className="grid gap-1.5">
            <Label htmlFor="webhookUrl">Webhook URL</Label>
            <Input id="webhookUrl" value={values.webhookUrl} disabled={!canManage} placeholder="https://hooks.example.com/bloombridge" onChange={(e) => set("webhookUrl", e.target.value)} />
            {secret && (
              <p className="text-xs text-muted-foreground">
                Signed with HMAC-SHA256 in the <code>X-Bloombridge-Signature</code> header (<code>t=…,v1=hex(HMAC(secret, t + &quot;.&quot; + body))</code>). Secret:{" "}
                <code data-testid="webhook-secret" className="break-all">{secret}</code>
                {canManage && (
                  <Button type="button" variant="link" size="sm" onClick={rotate} disabled={pending}>Generate a new secret</Button>
                )}
              </p>
            )}
          </div>
          <div className="flex flex-wrap gap-6">
            <Label className="flex items-center gap-2"><Switch checked={values.onFailure} disabled={!canManage} onCheckedChange={(v) => set("onFailure", v)} aria-label="Alert on failed runs" />Failed runs</Label>
            <Label className="flex items-center gap-2"><Switch checked={values.onAutoPause} disabled={!canManage} onCheckedChange={(v) => set("onAutoPause", v)} aria-label="Alert on automatic pauses" />Automatic pauses</Label>
          </div>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Runs and history</CardTitle>
        </CardHeader>
        <CardContent className="flex flex-wrap gap-6">
          {number("autoPauseAfter", "Pause a workflow after", "failed runs in a row")}
          {number("maxAgeDays", "Keep run history for", "days")}
          {number("maxRunsPerWorkflow", "Keep at most", "runs per workflow (at least 100)")}
        </CardContent>
      </Card>
      {message && (
        <Alert data-testid="settings-message" variant={message.tone === "error" ? "destructive" : "default"} role={message.tone === "error" ? "alert" : "status"}>
          <AlertDescription>{message.text}</AlertDescription>
        </Alert>
      )}
      {canManage && (
        <div className="flex gap-3">
          <Button type="submit" disabled={pending}>Save settings</Button>
          <Button type="button" variant="outline" disabled={pending} onClick={test}>Send test alert</Button>
        </div>
      )}
    </form>
  );
}
