"use client";

import { PlusIcon, Trash2Icon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { MappingInput } from "@/components/mapper/mapping-input";
import { BINARY_OPERATORS, CONDITION_OPERATORS, isGroup, type ConditionClause, type ConditionGroup, type ConditionItem, type ConditionOperator } from "@/lib/engine/graph";

export const OPERATOR_LABELS: Record<ConditionOperator, string> = {
  equals: "equals",
  not_equals: "does not equal",
  contains: "contains",
  not_contains: "does not contain",
  starts_with: "starts with",
  ends_with: "ends with",
  is_empty: "is empty",
  is_not_empty: "is not empty",
  greater_than: "is greater than",
  less_than: "is less than",
  matches_regex: "matches pattern",
  is_true: "is true",
  is_false: "is false",
};

const TEXT_OPERATORS = new Set<ConditionOperator>(["equals", "not_equals", "contains", "not_contains", "starts_with", "ends_with"]);
const SELECT_CLASS = "h-9 rounded-md border border-input bg-transparent px-2 text-sm shadow-xs dark:bg-input/30";

const itemsOf = (group: ConditionGroup) => ("all" in group ? group.all : group.any);
const withItems = (group: ConditionGroup, items: ConditionItem[]): ConditionGroup => ("all" in group ? { all: items } : { any: items });
const newClause = (): ConditionClause => ({ left: { kind: "literal", value: "" }, op: "is_not_empty" });

/** all/any of rows "left · operator · right", built from menus; groups nest one level. */
export function ConditionBuilder({ value, onChange, readOnly, depth = 0, label = "Condition" }: { value: ConditionGroup; onChange: (next: ConditionGroup) => void; readOnly: boolean; depth?: number; label?: string }) {
  const items = itemsOf(value);
  const setItem = (i: number, item: ConditionItem) => onChange(withItems(value, items.map((it, j) => (j === i ? item : it))));
  const remove = (i: number) => onChange(withItems(value, items.filter((_, j) => j !== i)));
  return (
    <div role="group" aria-label={label} className="space-y-2 rounded-md border p-2">
      <div className="flex items-center gap-2 text-sm">
        <span>Continue when</span>
        <select
          aria-label={`${label}: match`}
          className={SELECT_CLASS}
          disabled={readOnly}
          value={"all" in value ? "all" : "any"}
          onChange={(e) => onChange(e.target.value === "all" ? { all: items } : { any: items })}
        >
          <option value="all">all</option>
          <option value="any">any</option>
        </select>
        <span>of these are true</span>
      </div>
      {items.map((item, i) =>
        isGroup(item) ? (
          <div key={i} className="flex items-start gap-1">
            <div className="min-w-0 flex-1">
              <ConditionBuilder value={item} onChange={(next) => setItem(i, next)} readOnly={readOnly} depth={depth + 1} label={`${label} group ${i + 1}`} />
            </div>
            <RemoveButton label={`Remove group ${i + 1}`} onClick={() => remove(i)} disabled={readOnly} />
          </div>
        ) : (
          <ClauseRow key={i} index={i} clause={item} onChange={(next) => setItem(i, next)} onRemove={() => remove(i)} readOnly={readOnly} />
        ),
      )}
      {items.length === 0 && <p className="text-xs text-muted-foreground">No conditions yet: every run passes.</p>}
      <div className="flex gap-2">
        <Button type="button" variant="outline" size="sm" disabled={readOnly} onClick={() => onChange(withItems(value, [...items, newClause()]))}>
          <PlusIcon aria-hidden="true" /> Add condition
        </Button>
        {depth < 1 && (
          <Button type="button" variant="ghost" size="sm" disabled={readOnly} onClick={() => onChange(withItems(value, [...items, { any: [newClause()] }]))}>
            <PlusIcon aria-hidden="true" /> Add group
          </Button>
        )}
      </div>
    </div>
  );
}

function ClauseRow({ index, clause, onChange, onRemove, readOnly }: { index: number; clause: ConditionClause; onChange: (c: ConditionClause) => void; onRemove: () => void; readOnly: boolean }) {
  const n = index + 1;
  const binary = BINARY_OPERATORS.has(clause.op);
  return (
    <div className="space-y-1.5 rounded-md bg-muted/40 p-2" role="group" aria-label={`Condition ${n}`}>
      <div className="flex items-start gap-1">
        <div className="min-w-0 flex-1">
          <MappingInput aria-label={`Condition ${n} value`} value={clause.left} onChange={(left) => onChange({ ...clause, left: left ?? { kind: "literal", value: "" } })} placeholder="Drop a field" />
        </div>
        <RemoveButton label={`Remove condition ${n}`} onClick={onRemove} disabled={readOnly} />
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <select aria-label={`Condition ${n} operator`} className={SELECT_CLASS} disabled={readOnly} value={clause.op} onChange={(e) => onChange({ ...clause, op: e.target.value as ConditionOperator })}>
          {CONDITION_OPERATORS.map((op) => (
            <option key={op} value={op}>
              {OPERATOR_LABELS[op]}
            </option>
          ))}
        </select>
        {TEXT_OPERATORS.has(clause.op) && (
          <label className="flex items-center gap-1 text-xs">
            <input type="checkbox" checked={clause.ignoreCase ?? false} disabled={readOnly} onChange={(e) => onChange({ ...clause, ignoreCase: e.target.checked || undefined })} />
            Ignore case
          </label>
        )}
      </div>
      {binary && <MappingInput aria-label={`Condition ${n} compare with`} value={clause.right} onChange={(right) => onChange({ ...clause, right })} placeholder="Value or field" showPreview={false} />}
    </div>
  );
}

function RemoveButton({ label, onClick, disabled }: { label: string; onClick: () => void; disabled: boolean }) {
  return (
    <Button type="button" variant="ghost" size="icon-sm" aria-label={label} onClick={onClick} disabled={disabled}>
      <Trash2Icon aria-hidden="true" />
    </Button>
  );
}
