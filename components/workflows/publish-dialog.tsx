"use client";

import { useCallback, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import type { GraphChange } from "@/lib/engine/graph";

export type PublishPreview = { changes: GraphChange[]; liveVersion: number | null };
type Pending = PublishPreview & { resolve: (note: string | null) => void };

/** Asks before publishing and shows what changed since the live version; resolves with the note, or null. */
export function usePublishConfirmation() {
  const [pending, setPending] = useState<Pending | null>(null);
  const [note, setNote] = useState("");
  const settled = useRef(false);

  const confirm = useCallback(
    (preview: PublishPreview) =>
      new Promise<string | null>((resolve) => {
        settled.current = false;
        setNote("");
        setPending({ ...preview, resolve });
      }),
    [],
  );
  const finish = (value: string | null) => {
    if (!pending || settled.current) return;
    settled.current = true;
    pending.resolve(value);
    setPending(null);
  };

  const next = (pending?.liveVersion ?? 0) + 1;
  const dialog = (
    <Dialog open={pending !== null} onOpenChange={(open) => !open && finish(null)}>
      <DialogContent data-testid="publish-dialog">
        <DialogHeader>
          <DialogTitle>Publish version {next}</DialogTitle>
          <DialogDescription>
            {pending?.liveVersion ? `Changes since the live version ${pending.liveVersion}. New events will run on version ${next}; runs in progress finish on the version they started with.` : "The first version: the workflow starts running on new events."}
          </DialogDescription>
        </DialogHeader>
        {pending && pending.changes.length === 0 && <p className="text-sm text-muted-foreground">Nothing changed since version {pending.liveVersion}; only the layout moved.</p>}
        <ul aria-label="Changes" className="max-h-60 list-disc space-y-1 overflow-auto pl-5 text-sm">
          {pending?.changes.map((c, i) => (
            <li key={`${c.nodeId ?? "edges"}-${i}`} data-kind={c.kind}>
              {c.message}
            </li>
          ))}
        </ul>
        <div className="space-y-1">
          <Label htmlFor="publish-note">Note (optional)</Label>
          <Textarea id="publish-note" maxLength={200} value={note} onChange={(e) => setNote(e.target.value)} placeholder="What this version changes, for the team" />
        </div>
        <DialogFooter>
          <Button type="button" variant="outline" onClick={() => finish(null)}>
            Cancel
          </Button>
          <Button type="button" onClick={() => finish(note.trim())}>
            Publish version {next}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
  return { confirm, dialog };
}
