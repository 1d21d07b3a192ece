"use client";

import { useState } from "react";
import { ChevronDownIcon, ChevronRightIcon } from "lucide-react";
import { Input } from "@/components/ui/input";
import type { ActionNode, StepSettings } from "@/lib/engine/graph";

const NUMBER_FIELDS: { key: "retries" | "backoffMs" | "timeoutMs"; label: string; help: string; max?: number }[] = [
  { key: "retries", label: "Retries", help: "Extra attempts after a temporary failure (0–10; default 9, spread over about 30 minutes)", max: 10 },
  { key: "backoffMs", label: "First retry after (ms)", help: "Default 5000; each later retry waits about twice as long, up to 10 minutes, or longer if the API asks" },
  { key: "timeoutMs", label: "Time limit per attempt (ms)", help: "Give up on one attempt after this long" },
];

/** Retry, timeout and error handling of an action; collapsed until needed. */
export function StepSettingsSection({ node, onChange, readOnly }: { node: ActionNode; onChange: (node: ActionNode) => void; readOnly: boolean }) {
  const [open, setOpen] = useState(false);
  const settings = node.settings ?? {};
  const set = (patch: Partial<StepSettings>) => {
    const next = Object.fromEntries(Object.entries({ ...settings, ...patch }).filter(([, v]) => v !== undefined)) as StepSettings;
    onChange({ ...node, settings: Object.keys(next).length > 0 ? next : undefined });
  };
  const Chevron = open ? ChevronDownIcon : ChevronRightIcon;
  return (
    <section className="rounded-md border">
      <button type="button" aria-expanded={open} onClick={() => setOpen(!open)} className="flex w-full items-center gap-1 px-2 py-1.5 text-sm font-medium">
        <Chevron aria-hidden="true" className="size-4" /> Retries and errors
      </button>
      {open && (
        <div className="space-y-3 border-t p-3">
          {NUMBER_FIELDS.map((f) => (
            <label key={f.key} className="block space-y-1 text-sm">
              <span className="font-medium">{f.label}</span>
              <Input
                type="number"
                min={0}
                max={f.max}
                disabled={readOnly}
                value={settings[f.key] ?? ""}
                onChange={(e) => set({ [f.key]: e.target.value === "" ? undefined : Math.max(0, Math.min(f.max ?? Infinity, Math.floor(Number(e.target.value)))) })}
              />
              <span className="block text-xs text-muted-foreground">{f.help}</span>
            </label>
          ))}
          <label className="flex items-start gap-2 text-sm">
            <input type="checkbox" className="mt-1" disabled={readOnly} checked={settings.continueOnError ?? false} onChange={(e) => set({ continueOnError: e.target.checked || undefined })} />
            <span>
              <span className="font-medium">Continue when this step fails</span>
              <span className="block text-xs text-muted-foreground">Later steps can read the error; connect “On error” for a separate path.</span>
            </span>
          </label>
        </div>
      )}
    </section>
  );
}
