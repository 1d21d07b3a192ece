"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toaster";
import type { ActionResult } from "@/lib/auth/guard";
import type { RunFilterParams } from "@/lib/services/run-filter";

type Mode = "from_failed_step" | "from_start" | "latest_version";
type Count = { matching: number; willReplay: number };

const MODE_WORDS: Record<Mode, string> = {
  from_failed_step: "from the failed step",
  from_start: "from the start",
  latest_version: "on the latest published version",
};

type Props = {
  filter: RunFilterParams;
  count: (input: { filter: RunFilterParams; mode: Mode }) => Promise<ActionResult<Count>>;
  replay: (input: { filter: RunFilterParams; mode: Mode; expected: number }) => Promise<ActionResult<{ count: number }>>;
};

/** "Replay matching runs": counts what the current filter matches, confirms that exact number, then replays. */
export function BulkReplay({ filter, count, replay }: Props) {
  const router = useRouter();
  const [mode, setMode] = useState<Mode>("from_failed_step");
  const [counted, setCounted] = useState<Count | null>(null);
  const [pending, start] = useTransition();

  const askCount = (m: Mode) =>
    start(async () => {
      const result = await count({ filter, mode: m });
      if (!result.ok) {
        toast.error(result.error);
        return;
      }
      if (result.data.matching === 0) {
        toast.error(`No ended runs match this filter to replay ${MODE_WORDS[m]}`);
        return;
      }
      setCounted(result.data);
    });

  const confirm = () =>
    start(async () => {
      if (!counted) return;
      const result = await replay({ filter, mode, expected: counted.willReplay });
      setCounted(null);
      if (!result.ok) {
        toast.error(result.error);
        return;
      }
      toast.success(`Replaying ${result.data.count} run${result.data.count === 1 ? "" : "s"} ${MODE_WORDS[mode]}`);
      router.refresh();
    });

  return (
    <div className="flex flex-wrap items-end gap-2 text-sm">
      <label className="grid gap-1">
        Replay mode
        <select value={mode} onChange={(e) => setMode(e.target.value as Mode)} className="h-9 rounded-md border border-input bg-background px-2">
          {Object.entries(MODE_WORDS).map(([value, words]) => (
            <option key={value} value={value}>
              {words}
            </option>
          ))}
        </select>
      </label>
      <Button variant="outline" disabled={pending} onClick={() => askCount(mode)}>
        Replay matching runs…
      </Button>
      <AlertDialog open={counted !== null} onOpenChange={(open) => !open && setCounted(null)}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>
              Replay {counted?.willReplay} matching run{counted?.willReplay === 1 ? "" : "s"}?
            </AlertDialogTitle>
            <AlertDialogDescription data-testid="bulk-replay-summary">
              {counted?.willReplay} run{counted?.willReplay === 1 ? "" : "s"} matching the current filter will be replayed {MODE_WORDS[mode]}.
              {counted && counted.matching > counted.willReplay && ` ${counted.matching} match; the oldest ${counted.willReplay} are replayed now, run it again for the rest.`}
            </AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel>Cancel</AlertDialogCancel>
            <AlertDialogAction
              disabled={pending}
              onClick={(e) => {
                e.preventDefault();
                confirm();
              }}
            >
              Replay {counted?.willReplay} run{counted?.willReplay === 1 ? "" : "s"}
            </AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </div>
  );
}
