"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { errorText, type TemplateSummary, type WorkflowActions } from "./types";

export function NewWorkflowDialog({ templates, create }: { templates: TemplateSummary[]; create: WorkflowActions["create"] }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const go = (input: { name: string; template?: string }) =>
    start(async () => {
      const result = await create(input);
      if (result.ok) router.push(`/workflows/${result.data.id}`);
      else setError(errorText(result));
    });
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button>New workflow</Button>
      </DialogTrigger>
      <DialogContent className="max-w-2xl">
        <DialogHeader>
          <DialogTitle>New workflow</DialogTitle>
          <DialogDescription>Start from an empty canvas or from one of the recipes.</DialogDescription>
        </DialogHeader>
        <form
          className="flex items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            go({ name });
          }}
        >
          <div className="grid flex-1 gap-1.5">
            <Label htmlFor="new-workflow-name">Name</Label>
            <Input id="new-workflow-name" value={name} onChange={(e) => setName(e.target.value)} placeholder="Sync new leads" />
          </div>
          <Button type="submit" disabled={pending}>
            Create blank
          </Button>
        </form>
        <div className="grid gap-2" role="list" aria-label="Templates">
          {templates.map((t) => (
            <button
              key={t.key}
              role="listitem"
              type="button"
              disabled={pending}
              onClick={() => go({ name: t.name, template: t.key })}
              className="rounded-md border p-3 text-left transition-colors hover:bg-accent focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
              data-testid={`template-${t.key}`}
            >
              <div className="font-medium">{t.name}</div>
              <div className="text-sm text-muted-foreground">{t.description}</div>
            </button>
          ))}
        </div>
        {error && (
          <Alert variant="destructive" role="alert">
            <AlertDescription>{error}</AlertDescription>
          </Alert>
        )}
      </DialogContent>
    </Dialog>
  );
}
