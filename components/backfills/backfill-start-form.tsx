"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { backfillRequest, type BackfillView, type ConnectionOption, type WorkflowOption } from "./types";

type Props = { workflows: WorkflowOption[]; connections: ConnectionOption[]; onStarted: (backfill: BackfillView) => void };

const INCLUDES = [
  { key: "includeTasks", label: "Tasks" },
  { key: "includeNotes", label: "Notes" },
  { key: "includeAppointments", label: "Appointments" },
] as const;

const field = "h-9 rounded-md border border-input bg-background px-2";

export function BackfillStartForm({ workflows, connections, onStarted }: Props) {
  const [workflowId, setWorkflowId] = useState(workflows[0]?.id ?? "");
  const [connectionId, setConnectionId] = useState("");
  const [includes, setIncludes] = useState({ includeTasks: true, includeNotes: true, includeAppointments: false });
  const [since, setSince] = useState("");
  const [limit, setLimit] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const start = () =>
    startTransition(async () => {
      setError(null);
      try {
        const scope = { ...includes, ...(since ? { since } : {}), ...(limit ? { limit: Number(limit) } : {}) };
        onStarted(await backfillRequest("", { workflowId, ...(connectionId ? { connectionId } : {}), scope }));
      } catch (e) {
        setError((e as Error).message);
      }
    });

  if (!workflows.length) {
    return <p className="text-sm text-muted-foreground">Publish a workflow that starts on a GHL contact trigger (for example the “New contact → client” template) to backfill into it.</p>;
  }
  return (
    <Card>
      <CardHeader>
        <CardTitle>New backfill</CardTitle>
        <CardDescription>Runs every existing GHL contact through one workflow, at the GHL rate limit. Contacts already synced are updated, never duplicated.</CardDescription>
      </CardHeader>
      <CardContent>
        <form
          className="flex flex-wrap items-end gap-3 text-sm"
          onSubmit={(e) => {
            e.preventDefault();
            start();
          }}
        >
          <label className="grid gap-1">
            Workflow
            <select className={field} value={workflowId} onChange={(e) => setWorkflowId(e.target.value)}>
              {workflows.map((w) => (
                <option key={w.id} value={w.id}>
                  {w.name} ({w.triggerLabel})
                </option>
              ))}
            </select>
          </label>
          {connections.length > 1 && (
            <label className="grid gap-1">
              GHL connection
              <select className={field} value={connectionId} onChange={(e) => setConnectionId(e.target.value)}>
                <option value="">The workflow trigger&apos;s</option>
                {connections.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.label}
                  </option>
                ))}
              </select>
            </label>
          )}
          <fieldset className="flex gap-3 pb-2">
            <legend className="mb-1">Include</legend>
            {INCLUDES.map((item) => (
              <label key={item.key} className="flex items-center gap-1">
                <input type="checkbox" checked={includes[item.key]} onChange={(e) => setIncludes({ ...includes, [item.key]: e.target.checked })} />
                {item.label}
              </label>
            ))}
          </fieldset>
          <label className="grid gap-1">
            Added since (optional)
            <input type="date" className={field} value={since} onChange={(e) => setSince(e.target.value)} />
          </label>
          <label className="grid gap-1">
            At most (optional)
            <input type="number" min={1} className={`${field} w-28`} value={limit} onChange={(e) => setLimit(e.target.value)} placeholder="all" />
          </label>
          <Button type="submit" disabled={pending || !workflowId}>
            {pending ? "Starting…" : "Start backfill"}
          </Button>
        </form>
        {error && (
          <p role="alert" className="mt-2 text-sm text-destructive">
            {error}
          </p>
        )}
      </CardContent>
    </Card>
  );
}
