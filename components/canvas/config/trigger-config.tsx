"use client";

import { useId, useState } from "react";
import { FlaskConicalIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import type { TriggerNode } from "@/lib/engine/graph";
import { CONNECTOR_LABELS } from "../node-visuals";
import type { CatalogEntry } from "../types";
import { JsonBlock } from "./test-section";

export type TriggerConfigProps = {
  node: TriggerNode;
  triggers: CatalogEntry[];
  onChange: (node: TriggerNode) => void;
  sample: { value: unknown; fromTest: boolean } | undefined;
  onTestTrigger?: () => Promise<void>;
  readOnly: boolean;
};

/** The trigger: which event starts the workflow, and its sample payload for mapping. */
export function TriggerConfig({ node, triggers, onChange, sample, onTestTrigger, readOnly }: TriggerConfigProps) {
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const entry = triggers.find((t) => t.key === node.triggerKey);
  const connectors = [...new Set(triggers.map((t) => t.connector))];
  return (
    <div className="space-y-4">
      <div className="space-y-1">
        <Label htmlFor={id}>Starts when</Label>
        <select id={id} disabled={readOnly} className="h-9 w-full rounded-md border border-input bg-transparent px-2 text-sm shadow-xs dark:bg-input/30" value={node.triggerKey} onChange={(e) => onChange({ ...node, triggerKey: e.target.value })}>
          {!entry && <option value={node.triggerKey}>{node.triggerKey} (unknown)</option>}
          {connectors.map((connector) => (
            <optgroup key={connector} label={CONNECTOR_LABELS[connector] ?? connector}>
              {triggers
                .filter((t) => t.connector === connector)
                .map((t) => (
                  <option key={t.key} value={t.key}>
                    {t.label}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
        {entry && <p className="text-xs text-muted-foreground">{entry.description}</p>}
      </div>
      <section aria-label="Sample data" className="space-y-2">
        <div className="flex items-center justify-between gap-2">
          <p className="text-sm font-medium">Sample data</p>
          {onTestTrigger && (
            <Button
              type="button"
              variant="outline"
              size="sm"
              disabled={busy || readOnly}
              onClick={async () => {
                setBusy(true);
                setError(null);
                try {
                  await onTestTrigger();
                } catch (e) {
                  setError(e instanceof Error ? e.message : String(e));
                } finally {
                  setBusy(false);
                }
              }}
            >
              <FlaskConicalIcon aria-hidden="true" /> {busy ? "Loading…" : "Test trigger"}
            </Button>
          )}
        </div>
        {error && <p className="text-xs text-destructive">{error}</p>}
        {sample ? (
          <>
            <p className="text-xs text-muted-foreground">{sample.fromTest ? "From the latest real event." : "Example data: test the trigger to map from a real event."}</p>
            <JsonBlock value={sample.value} label="Trigger sample" />
          </>
        ) : (
          <p className="text-xs text-muted-foreground">No sample yet.</p>
        )}
      </section>
    </div>
  );
}
