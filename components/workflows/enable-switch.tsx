"use client";

import { useTransition } from "react";
import { Switch } from "@/components/ui/switch";
import { toast } from "@/components/ui/toaster";
import type { ActionResult } from "@/lib/auth/guard";

type Props = {
  workflowId: string;
  enabled: boolean;
  disabled?: boolean;
  setEnabled: (input: { id: string; enabled: boolean }) => Promise<ActionResult<{ enabled: boolean }>>;
};

/** The workflow's on/off switch: a paused workflow ignores new events until enabled again. */
export function EnableSwitch({ workflowId, enabled, disabled, setEnabled }: Props) {
  const [pending, start] = useTransition();
  return (
    <label className="flex items-center gap-2 text-sm">
      <Switch
        checked={enabled}
        disabled={disabled || pending}
        aria-label={enabled ? "Active: pause the workflow" : "Paused: enable the workflow"}
        onCheckedChange={(next) =>
          start(async () => {
            const result = await setEnabled({ id: workflowId, enabled: next });
            if (result.ok) toast.success(result.data.enabled ? "Workflow enabled" : "Workflow paused");
            else toast.error(result.error);
          })
        }
      />
      {enabled ? "Active" : "Paused"}
    </label>
  );
}
