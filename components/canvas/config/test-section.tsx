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

/** "Don't ask again": remembered per workflow page in this browser. */
const trustKey = () => `bloombridge:test-writes-ok:${typeof window === "undefined" ? "" : window.location.pathname}`;
const writesTrusted = () => typeof window !== "undefined" && window.localStorage.getItem(trustKey()) === "yes";

type TestSectionProps = {
  inputs: Record<string, Mapping>;
  optional: string[];
  /** Runs the step for real with `scope`, the sample data the preview uses (tests, else examples). */
  onTest?: (scope: Record<string, unknown>) => Promise<{ output?: unknown; error?: string }>;
  /** Set for operations that change data: the test asks first, naming the system. */
  writes?: { system: string; label: string };
};

/**
 * "Preview input" evaluates this step's mappings on the sample data; "Test this step" runs
 * it for real with exactly that input (through the page's onTestStep) and keeps the output
 * as the step's sample. A step that writes asks before it changes anything in the real system.
 */
export function TestSection({ inputs, optional, onTest, writes }: TestSectionProps) {
  const { scope } = useMapper();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [dontAsk, setDontAsk] = useState(false);

  const preview = async () => {
    const { values, errors } = await resolveInputs(inputs, scope, { optional });
    setOutcome({ kind: "preview", values, errors: errors.map((e) => e.message) });
  };
  const askOrTest = () => {
    if (writes && !writesTrusted()) setConfirming(true);
    else void test();
  };
  const confirm = () => {
    if (dontAsk) window.localStorage.setItem(trustKey(), "yes");
    setConfirming(false);
    void test();
  };
  const test = async () => {
    if (!onTest) return;
    setBusy(true);
    try {
      const result = await onTest(scope);
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
          <Button type="button" variant="outline" size="sm" onClick={askOrTest} disabled={busy || confirming}>
            <FlaskConicalIcon aria-hidden="true" /> {busy ? "Testing…" : "Test this step"}
          </Button>
        )}
      </div>
      {confirming && writes && (
        <div role="alertdialog" aria-label="Test for real?" className="space-y-2 rounded-md border border-warning/40 bg-warning/10 p-2 text-xs">
          <p>
            Testing “{writes.label}” writes to {writes.system} for real: it creates or changes a record there with the input the preview shows.
          </p>
          <label className="flex items-center gap-1.5">
            <input type="checkbox" checked={dontAsk} onChange={(e) => setDontAsk(e.target.checked)} /> Don’t ask again for this workflow
          </label>
          <div className="flex gap-2">
            <Button type="button" size="sm" onClick={confirm}>
              Test for real
            </Button>
            <Button type="button" variant="outline" size="sm" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
          </div>
        </div>
      )}
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
