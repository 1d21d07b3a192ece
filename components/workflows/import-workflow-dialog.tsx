"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { errorText, type WorkflowActions } from "./types";

export function ImportWorkflowDialog({ importJson }: { importJson: WorkflowActions["importJson"] }) {
  const router = useRouter();
  const [json, setJson] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <Dialog>
      <DialogTrigger asChild>
        <Button variant="outline">Import</Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Import a workflow</DialogTitle>
          <DialogDescription>Paste a file exported from Bloombridge, or pick it.</DialogDescription>
        </DialogHeader>
        <input
          type="file"
          accept="application/json,.json"
          aria-label="Workflow file"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            if (file) setJson(await file.text());
          }}
        />
        <div className="grid gap-1.5">
          <Label htmlFor="import-json">Workflow JSON</Label>
          <Textarea id="import-json" rows={8} className="font-mono text-xs" value={json} onChange={(e) => setJson(e.target.value)} />
        </div>
        {error && (
          <Alert variant="destructive" role="alert">
            <AlertDescription>{error}</AlertDescription>
          </Alert>
        )}
        <Button
          disabled={pending}
          onClick={() =>
            start(async () => {
              const result = await importJson({ json });
              if (result.ok) router.push(`/workflows/${result.data.id}`);
              else setError(errorText(result));
            })
          }
        >
          Import workflow
        </Button>
      </DialogContent>
    </Dialog>
  );
}
