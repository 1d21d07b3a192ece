"use client";

import { useId } from "react";
import { PlusIcon, Trash2Icon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { MappingInput } from "@/components/mapper/mapping-input";
import { DELAY_UNITS, type BranchNode, type DelayNode, type LoopNode } from "@/lib/engine/graph";
import { ConditionBuilder } from "./condition-builder";

const SELECT_CLASS = "h-9 w-full rounded-md border border-input bg-transparent px-2 text-sm shadow-xs dark:bg-input/30";

type Edit<N> = { node: N; onChange: (node: N) => void; readOnly: boolean };

function nextCaseId(node: Extract<BranchNode, { mode: "switch" }>): string {
  const taken = new Set(node.cases.map((c) => c.id));
  for (let n = node.cases.length + 1; ; n++) if (!taken.has(`case_${n}`)) return `case_${n}`;
}

/** If: one condition → true/false. Switch: ordered cases, first match wins, else "Otherwise". */
export function BranchConfig({ node, onChange, readOnly }: Edit<BranchNode>) {
  const base = { id: node.id, label: node.label, position: node.position, notes: node.notes, kind: "branch" as const };
  return (
    <div className="space-y-3">
      <div className="space-y-1">
        <Label htmlFor={`${node.id}-mode`}>Type</Label>
        <select
          id={`${node.id}-mode`}
          className={SELECT_CLASS}
          disabled={readOnly}
          value={node.mode}
          onChange={(e) =>
            onChange(
              e.target.value === "switch"
                ? { ...base, mode: "switch", cases: [{ id: "case_1", label: "Case 1", condition: node.mode === "if" ? node.condition : { all: [] } }] }
                : { ...base, mode: "if", condition: node.mode === "switch" ? (node.cases[0]?.condition ?? { all: [] }) : { all: [] } },
            )
          }
        >
          <option value="if">If / else (true or false)</option>
          <option value="switch">Switch (several cases)</option>
        </select>
      </div>
      {node.mode === "if" ? (
        <ConditionBuilder value={node.condition} onChange={(condition) => onChange({ ...node, condition })} readOnly={readOnly} />
      ) : (
        <div className="space-y-3">
          {node.cases.map((c, i) => (
            <div key={c.id} className="space-y-2 rounded-md border p-2">
              <div className="flex items-center gap-1">
                <Input aria-label={`Case ${i + 1} name`} value={c.label} disabled={readOnly} onChange={(e) => onChange({ ...node, cases: node.cases.map((x) => (x.id === c.id ? { ...x, label: e.target.value } : x)) })} />
                <Button type="button" variant="ghost" size="icon-sm" aria-label={`Remove case ${c.label || i + 1}`} disabled={readOnly} onClick={() => onChange({ ...node, cases: node.cases.filter((x) => x.id !== c.id) })}>
                  <Trash2Icon aria-hidden="true" />
                </Button>
              </div>
              <ConditionBuilder label={`Case ${i + 1} condition`} value={c.condition} readOnly={readOnly} onChange={(condition) => onChange({ ...node, cases: node.cases.map((x) => (x.id === c.id ? { ...x, condition } : x)) })} />
            </div>
          ))}
          <Button type="button" variant="outline" size="sm" disabled={readOnly} onClick={() => onChange({ ...node, cases: [...node.cases, { id: nextCaseId(node), label: `Case ${node.cases.length + 1}`, condition: { all: [] } }] })}>
            <PlusIcon aria-hidden="true" /> Add case
          </Button>
          <p className="text-xs text-muted-foreground">Runs that match no case leave through “Otherwise”.</p>
        </div>
      )}
    </div>
  );
}

export function LoopConfig({ node, onChange, readOnly }: Edit<LoopNode>) {
  const id = useId();
  return (
    <div className="space-y-3">
      <div className="space-y-1">
        <Label htmlFor={id}>List to repeat over</Label>
        <MappingInput id={id} aria-label="List to repeat over" value={node.items} valueType="array" placeholder="Drop a list field" onChange={(items) => onChange({ ...node, items: items ?? { kind: "literal", value: [] } })} />
        <p className="text-xs text-muted-foreground">Steps on “Each item” run once per item and read its fields from this loop; “Done” runs after the last one.</p>
      </div>
      <div className="space-y-1">
        <Label htmlFor={`${id}-max`}>Most items allowed</Label>
        <Input id={`${id}-max`} type="number" min={1} disabled={readOnly} value={node.maxItems ?? ""} placeholder="No limit" onChange={(e) => onChange({ ...node, maxItems: e.target.value ? Math.max(1, Math.floor(Number(e.target.value))) : undefined })} />
      </div>
    </div>
  );
}

export function DelayConfig({ node, onChange, readOnly }: Edit<DelayNode>) {
  const id = useId();
  const base = { id: node.id, label: node.label, position: node.position, notes: node.notes, kind: "delay" as const };
  return (
    <div className="space-y-3">
      <div className="space-y-1">
        <Label htmlFor={id}>Wait</Label>
        <select id={id} className={SELECT_CLASS} disabled={readOnly} value={node.mode} onChange={(e) => onChange(e.target.value === "until" ? { ...base, mode: "until", until: { kind: "literal", value: "" } } : { ...base, mode: "duration", amount: 5, unit: "minutes" })}>
          <option value="duration">For a duration</option>
          <option value="until">Until a date and time</option>
        </select>
      </div>
      {node.mode === "duration" ? (
        <div className="flex gap-2">
          <Input aria-label="Amount" type="number" min={1} disabled={readOnly} value={node.amount} onChange={(e) => onChange({ ...node, amount: Math.max(1, Number(e.target.value) || 1) })} />
          <select aria-label="Unit" className={SELECT_CLASS} disabled={readOnly} value={node.unit} onChange={(e) => onChange({ ...node, unit: e.target.value as (typeof DELAY_UNITS)[number] })}>
            {DELAY_UNITS.map((unit) => (
              <option key={unit} value={unit}>
                {unit}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <>
          <MappingInput aria-label="Until" value={node.until} valueType="datetime" placeholder="Date and time, or drop a date field" onChange={(until) => onChange({ ...node, until: until ?? { kind: "literal", value: "" } })} />
          <div className="space-y-1">
            <Label htmlFor={`${id}-tz`}>Time zone</Label>
            <Input id={`${id}-tz`} disabled={readOnly} placeholder="e.g. America/New_York (default UTC)" value={node.timeZone ?? ""} onChange={(e) => onChange({ ...node, timeZone: e.target.value || undefined })} />
          </div>
        </>
      )}
    </div>
  );
}
