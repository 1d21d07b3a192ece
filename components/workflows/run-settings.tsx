"use client";

import { Settings2 } from "lucide-react";
import { NumberSettingPopover, numberFrom } from "@/components/settings/number-setting-popover";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/auth/guard";
import { MAX_CONCURRENT_RUNS, maxConcurrentRunsField } from "@/lib/engine/limits";

type Props = {
  workflowId: string;
  maxConcurrentRuns: number;
  canEdit: boolean;
  save: (input: { id: string; maxConcurrentRuns: number }) => Promise<ActionResult<{ maxConcurrentRuns: number }>>;
};

/** "Run settings": how many runs of this workflow may execute at once. */
export function RunSettings({ workflowId, maxConcurrentRuns, canEdit, save }: Props) {
  return (
    <NumberSettingPopover
      testId="run-settings"
      trigger={
        <Button variant="outline" size="sm" disabled={!canEdit} title={`Up to ${maxConcurrentRuns} runs at once`}>
          <Settings2 aria-hidden /> Run settings
        </Button>
      }
      title="Run settings"
      description={`Runs beyond this many wait their turn instead of running at once (${MAX_CONCURRENT_RUNS.min}–${MAX_CONCURRENT_RUNS.max}).`}
      inputLabel="Max concurrent runs"
      initial={String(maxConcurrentRuns)}
      parse={(text) => {
        const parsed = maxConcurrentRunsField.safeParse(numberFrom(text));
        return parsed.success ? { ok: true, value: parsed.data } : { ok: false, message: parsed.error.issues[0].message };
      }}
      save={(value) => save({ id: workflowId, maxConcurrentRuns: value })}
      saved={(value) => `Up to ${value} runs at once`}
    />
  );
}
