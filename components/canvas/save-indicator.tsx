"use client";

import { CheckIcon, CloudOffIcon, LoaderCircleIcon, PencilIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import type { SaveState } from "./types";

const STATES = {
  saved: { icon: CheckIcon, text: "Saved", className: "text-muted-foreground" },
  unsaved: { icon: PencilIcon, text: "Unsaved changes", className: "text-muted-foreground" },
  saving: { icon: LoaderCircleIcon, text: "Saving…", className: "text-muted-foreground" },
  failed: { icon: CloudOffIcon, text: "Save failed", className: "text-destructive" },
} as const;

/** Autosave state, announced politely; a failed save offers a retry. */
export function SaveIndicator({ state, onRetry }: { state: SaveState; onRetry: () => void }) {
  const { icon: Icon, text, className } = STATES[state];
  return (
    <span className={`flex items-center gap-1.5 text-xs ${className}`} role="status" aria-live="polite" data-save-state={state}>
      <Icon aria-hidden="true" className={state === "saving" ? "size-3.5 motion-safe:animate-spin" : "size-3.5"} />
      {text}
      {state === "failed" && (
        <Button type="button" variant="link" size="sm" className="h-auto p-0 text-xs" onClick={onRetry}>
          Retry
        </Button>
      )}
    </span>
  );
}
