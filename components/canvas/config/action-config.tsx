"use client";

import { useCallback, useMemo } from "react";
import { TriangleAlertIcon } from "lucide-react";
import { SuggestionsBar } from "@/components/mapper/suggestions-bar";
import { SchemaForm } from "@/components/schema-form/schema-form";
import type { ActionNode } from "@/lib/engine/graph";
import type { Mapping } from "@/lib/engine/mapping";
import type { CatalogEntry } from "../types";
import { StepSettingsSection } from "./step-settings";
import { TestSection } from "./test-section";

export type ActionConfigProps = {
  node: ActionNode;
  entry: CatalogEntry | undefined;
  onChange: (node: ActionNode, coalesceKey?: string) => void;
  issuesByField: Record<string, string[]>;
  readOnly: boolean;
  onTest?: (scope: Record<string, unknown>) => Promise<{ output?: unknown; error?: string }>;
};

/** An action: its description, the input form generated from its schema, settings, test. */
export function ActionConfig({ node, entry, onChange, issuesByField, readOnly, onTest }: ActionConfigProps) {
  // Validation reports `inputs.email`; the form asks by input path (`email`).
  const formIssues = useMemo(
    () => Object.fromEntries(Object.entries(issuesByField).flatMap(([field, messages]) => (field.startsWith("inputs.") ? [[field.slice(7), messages]] : []))),
    [issuesByField],
  );
  // Typing in one field is one undo step; moving to another field starts a new one.
  const setInputs = useCallback(
    (inputs: Record<string, Mapping>) => {
      const changed = [...new Set([...Object.keys(inputs), ...Object.keys(node.inputs)])].filter((k) => inputs[k] !== node.inputs[k]);
      onChange({ ...node, inputs }, changed.length === 1 ? `input:${node.id}:${changed[0]}` : undefined);
    },
    [node, onChange],
  );
  if (!entry) {
    return <p className="text-sm text-destructive">This step uses “{node.operationKey}”, which is not in the catalog any more. Replace it with another action.</p>;
  }
  if (entry.schemasOmitted) return <p className="text-sm text-muted-foreground" role="status">Loading the step’s fields…</p>;
  const required = entry.inputSchema.required ?? [];
  return (
    <div className="space-y-4">
      <p className="text-xs text-muted-foreground">{entry.description}</p>
      {entry.deprecated && (
        <p className="flex gap-1.5 rounded-md bg-warning/10 p-2 text-xs text-warning" role="note">
          <TriangleAlertIcon aria-hidden="true" className="size-4 shrink-0" />
          <span>
            Deprecated: {entry.deprecated.reason}
            {entry.deprecated.useInstead && ` Use “${entry.deprecated.useInstead}” instead.`}
          </span>
        </p>
      )}
      <SuggestionsBar schema={entry.inputSchema} values={node.inputs} onApply={(entries) => onChange({ ...node, inputs: { ...node.inputs, ...entries } })} />
      <SchemaForm schema={entry.inputSchema} values={node.inputs} onChange={setInputs} issues={formIssues} readOnly={readOnly} />
      <StepSettingsSection node={node} onChange={onChange} readOnly={readOnly} />
      <TestSection
        inputs={node.inputs}
        optional={Object.keys(node.inputs).filter((k) => !required.includes(k))}
        onTest={onTest}
        writes={entry.effect === "write" ? { system: entry.system ?? entry.connector, label: entry.label } : undefined}
      />
    </div>
  );
}
