"use client";

import { useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { toast } from "@/components/ui/toaster";
import type { ActionResult } from "@/lib/auth/guard";

type Version = { version: number; note: string | null; createdAt: string; current: boolean };

type Props = {
  workflowId: string;
  canEdit: boolean;
  status: "draft" | "published" | "paused";
  draftChanged: boolean;
  canPublish: boolean;
  versions: Version[];
  actions: {
    publish: (input: { id: string }) => Promise<ActionResult<{ version: number }>>;
    setEnabled: (input: { id: string; enabled: boolean }) => Promise<ActionResult<{ enabled: boolean }>>;
    rollback: (input: { id: string; version: number }) => Promise<ActionResult<{ version: number }>>;
  };
};

export function WorkflowControls({ workflowId, canEdit, status, draftChanged, canPublish, versions, actions }: Props) {
  const [pending, start] = useTransition();
  const run = <T,>(fn: () => Promise<ActionResult<T>>, success: (data: T) => string) =>
    start(async () => {
      const result = await fn();
      if (result.ok) toast.success(success(result.data));
      else toast.error(result.error);
    });
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap gap-2">
        {canEdit && (
          <Button disabled={pending || !canPublish || !draftChanged} onClick={() => run(() => actions.publish({ id: workflowId }), (d) => `Published version ${d.version}`)}>
            {status === "draft" ? "Publish" : draftChanged ? "Publish changes" : "Published"}
          </Button>
        )}
        {canEdit && status !== "draft" && (
          <Button variant="outline" disabled={pending} onClick={() => run(() => actions.setEnabled({ id: workflowId, enabled: status === "paused" }), (d) => (d.enabled ? "Enabled" : "Paused"))}>
            {status === "paused" ? "Enable" : "Pause"}
          </Button>
        )}
        <Button variant="outline" asChild>
          <a href={`/api/v1/workflows/${workflowId}/export`} download>
            Export JSON
          </a>
        </Button>
        <Button variant="outline" asChild>
          <a href={`/runs?workflowId=${workflowId}`}>Runs</a>
        </Button>
      </div>
      {versions.length > 0 && (
        <Card>
          <CardHeader>
            <CardTitle>Versions</CardTitle>
          </CardHeader>
          <CardContent>
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>Version</TableHead>
                  <TableHead>Published</TableHead>
                  <TableHead>Note</TableHead>
                  <TableHead className="sr-only">Actions</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {versions.map((v) => (
                  <TableRow key={v.version}>
                    <TableCell>v{v.version}{v.current && " (live)"}</TableCell>
                    <TableCell>{new Date(v.createdAt).toLocaleString()}</TableCell>
                    <TableCell>{v.note ?? ""}</TableCell>
                    <TableCell className="text-right">
                      {canEdit && !v.current && (
                        <Button size="sm" variant="outline" disabled={pending} onClick={() => run(() => actions.rollback({ id: workflowId, version: v.version }), (d) => `Rolled back: now live as version ${d.version}`)}>
                          Roll back to v{v.version}
                        </Button>
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </CardContent>
        </Card>
      )}
    </div>
  );
}
