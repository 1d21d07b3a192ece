"use client";

import { useState } from "react";
import { EyeIcon, FlaskConicalIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { useMapper } from "@/components/mapper/mapper-context";
import { resolveInputs, type Mapping } from "@/lib/engine/mapping";

export function JsonBlock({ value, label }: { value: unknown; label: string }) {
  return (
    <pre aria-label={label} tabIndex={0} className="max-h-64 overflow-auto rounded-md bg-muted p-2 font-mono text-xs whitespace-pre-wrap">
      {JSON.stringify(value, null, 2) ?? "undefined"}
    </pre>
  );
}

type Outcome = { kind: "preview"; values: unknown; errors: string[] } | { kind: "output"; output: unknown } | { kind: "error"; message: string };

/**
 * "Preview input" evaluates this step's mappings on the sample data; "Test this step" runs
 * it for real (through the page's onTestStep) and keeps the output as the step's sample.
 */
export function TestSection({ inputs, optional, onTest }: { inputs: Record<string, Mapping>; optional: string[]; onTest?: () => Promise<{ output?: unknown; error?: string }> }) {
  const { scope } = useMapper();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);

  const preview = async () => {
    const { values, errors } = await resolveInputs(inputs, scope, { optional });
    setOutcome({ kind: "preview", values, errors: errors.map((e) => e.message) });
  };
  const test = async () => {
    if (!onTest) return;
    setBusy(true);
    try {
      const result = await onTest();
      setOutcome(result.error ? { kind: "error", message: result.error } : { kind: "output", output: result.output });
    } catch (error) {
      setOutcome({ kind: "error", message: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-label="Preview and test" className="space-y-2">
      <div className="flex flex-wrap gap-2">
        <Button type="button" variant="outline" size="sm" onClick={() => void preview()}>
          <EyeIcon aria-hidden="true" /> Preview input
        </Button>
        {onTest && (
          <Button type="button" variant="outline" size="sm" onClick={() => void test()} disabled={busy}>
            <FlaskConicalIcon aria-hidden="true" /> {busy ? "Testing…" : "Test this step"}
          </Button>
        )}
      </div>
      <div aria-live="polite">
        {outcome?.kind === "preview" && (
          <div className="space-y-1">
            <p className="text-xs font-medium">Input on the sample data</p>
            <JsonBlock value={outcome.values} label="Input preview" />
            {outcome.errors.map((e) => (
              <p key={e} className="text-xs text-destructive">
                {e}
              </p>
            ))}
          </div>
        )}
        {outcome?.kind === "output" && (
          <div className="space-y-1">
            <p className="text-xs font-medium text-success">Test succeeded. Later steps can now map its real output.</p>
            <JsonBlock value={outcome.output} label="Test output" />
          </div>
        )}
        {outcome?.kind === "error" && <p className="text-sm text-destructive">Test failed: {outcome.message}</p>}
      </div>
    </section>
  );
}
