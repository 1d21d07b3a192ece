"use client";

import { useCallback, useLayoutEffect, useMemo, useRef, useState } from "react";
import { parseRef, parseTemplate, type Mapping, type RefMapping, type TransformStep, type ValueTypeName } from "@/lib/engine/mapping";
import { cn } from "@/lib/utils";
import { currentRange, insertNodesAt, rangeFromPoint } from "./caret";
import { FieldPicker } from "./field-picker";
import { REF_MIME, useMapper, useRefDescriber } from "./mapper-context";
import { createPill, fromEditable, partsKey, readParts, renderParts, toEditable, type MappingPart } from "./mapping-parts";
import { MappingPreview } from "./mapping-preview";
import { TransformChips } from "./transform-chips";
import { TransformMenu } from "./transform-menu";

export type MappingInputProps = {
  id?: string;
  value: Mapping | undefined;
  onChange: (value: Mapping | undefined) => void;
  /** Typed text keeps this type (e.g. "42" in a number field is saved as 42). */
  valueType?: ValueTypeName;
  "aria-label": string;
  "aria-describedby"?: string;
  placeholder?: string;
  multiline?: boolean;
  invalid?: boolean;
  showPreview?: boolean;
  allowTransforms?: boolean;
};

/**
 * One input mixing typed text and reference pills ("Trigger · email"). Fields can be
 * dropped in from the sample tree, picked with "+", or pasted as `{{ @node.path }}`.
 * The DOM is owned by this component (contenteditable); React renders only the frame.
 */
export function MappingInput(props: MappingInputProps) {
  const { value, onChange, valueType, multiline, invalid, showPreview = true, allowTransforms = true } = props;
  const { readOnly, scope, activeInputRef } = useMapper();
  const describe = useRefDescriber();
  const editable = useMemo(() => toEditable(value), [value]);
  const boxRef = useRef<HTMLDivElement>(null);
  const savedRange = useRef<Range | null>(null);
  // Clicking a pill opens the transform menu: transforms are attached from the pill, not typed.
  const [transformsOpen, setTransformsOpen] = useState(false);
  const labels = editable.parts.map((p) => (typeof p === "string" ? "" : describe.label(p))).join("|");

  // Re-render the DOM only when it no longer shows the value (keeps the caret while typing).
  useLayoutEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    if (partsKey(readParts(box)) !== partsKey(editable.parts) || box.dataset.labels !== labels) {
      renderParts(box, editable.parts, describe.label, !readOnly);
      box.dataset.labels = labels;
    }
  });

  const emit = useCallback(
    (parts: MappingPart[], transforms: TransformStep[] = editable.transforms) => onChange(fromEditable({ parts, transforms }, valueType)),
    [editable.transforms, onChange, valueType],
  );

  const insertNodes = useCallback(
    (nodes: Node[], range: Range | null) => {
      const box = boxRef.current;
      if (!box || readOnly) return;
      insertNodesAt(box, nodes, range ?? savedRange.current);
      savedRange.current = currentRange(box);
      emit(readParts(box));
    },
    [emit, readOnly],
  );

  const insertRef = useCallback(
    (ref: RefMapping, range: Range | null = null) => {
      const box = boxRef.current;
      if (box) insertNodes([createPill(box.ownerDocument, ref, describe.label(ref))], range);
    },
    [describe, insertNodes],
  );

  if (editable.expression !== undefined) {
    return <ExpressionInput {...props} expression={editable.expression} />;
  }

  const fieldName = props["aria-label"];
  return (
    <div className="space-y-1">
      <div
        className={cn(
          "flex min-h-9 w-full items-start gap-1 rounded-md border border-input bg-transparent py-1 pr-1 pl-2 shadow-xs focus-within:border-ring focus-within:ring-[3px] focus-within:ring-ring/50 dark:bg-input/30",
          invalid && "border-destructive",
        )}
      >
        <div
          ref={boxRef}
          id={props.id}
          role="textbox"
          aria-label={fieldName}
          aria-describedby={props["aria-describedby"]}
          aria-multiline={multiline || undefined}
          aria-invalid={invalid || undefined}
          aria-readonly={readOnly || undefined}
          contentEditable={!readOnly}
          suppressContentEditableWarning
          data-placeholder={props.placeholder ?? "Type or drop a field"}
          className="min-w-0 flex-1 py-0.5 text-sm leading-6 break-words whitespace-pre-wrap outline-none empty:before:text-muted-foreground empty:before:content-[attr(data-placeholder)]"
          onInput={(e) => emit(readParts(e.currentTarget))}
          onFocus={() => (activeInputRef.current = (ref) => insertRef(ref))}
          onBlur={(e) => (savedRange.current = currentRange(e.currentTarget) ?? savedRange.current)}
          onKeyUp={(e) => (savedRange.current = currentRange(e.currentTarget))}
          onMouseUp={(e) => (savedRange.current = currentRange(e.currentTarget))}
          onKeyDown={(e) => {
            if (e.key === "Enter" && !multiline) e.preventDefault();
          }}
          onClick={(e) => {
            const target = e.target as HTMLElement;
            const remove = target.closest("[data-pill-remove]");
            if (remove) {
              remove.parentElement?.remove();
              emit(readParts(e.currentTarget));
            } else if (target.closest("[data-ref-node]") && allowTransforms && !readOnly) setTransformsOpen(true);
          }}
          onDragOver={(e) => {
            if (!readOnly && e.dataTransfer.types.includes(REF_MIME)) {
              e.preventDefault();
              e.dataTransfer.dropEffect = "copy";
            }
          }}
          onDrop={(e) => {
            const text = e.dataTransfer.getData(REF_MIME);
            if (!text || readOnly) return;
            e.preventDefault();
            insertRef(parseRef(text), rangeFromPoint(e.currentTarget.ownerDocument, e.clientX, e.clientY));
          }}
          onPaste={(e) => {
            e.preventDefault();
            const raw = e.clipboardData.getData("text/plain");
            const text = multiline ? raw : raw.replace(/\r?\n/g, " ");
            const doc = e.currentTarget.ownerDocument;
            let parts: MappingPart[];
            try {
              parts = parseTemplate(text).parts;
            } catch {
              parts = [text];
            }
            insertNodes(
              parts.map((p) => (typeof p === "string" ? doc.createTextNode(p) : createPill(doc, p, describe.label(p)))),
              currentRange(e.currentTarget),
            );
          }}
        />
        <FieldPicker fieldName={fieldName} onPick={(ref) => insertRef(ref)} />
        {allowTransforms && (
          <TransformMenu fieldName={fieldName} disabled={readOnly} open={transformsOpen} onOpenChange={setTransformsOpen} onAdd={(step) => emit(editable.parts, [...editable.transforms, step])} />
        )}
      </div>
      {allowTransforms && <TransformChips steps={editable.transforms} readOnly={readOnly} onChange={(steps) => emit(editable.parts, steps)} />}
      {showPreview && <MappingPreview mapping={value} scope={scope} />}
    </div>
  );
}

/** JSONata expressions have no pill form; they stay editable as plain text. */
function ExpressionInput(props: MappingInputProps & { expression: string }) {
  const { readOnly } = useMapper();
  return (
    <div className="space-y-1">
      <input
        id={props.id}
        aria-label={`${props["aria-label"]} (JSONata expression)`}
        className="h-9 w-full rounded-md border border-input bg-transparent px-2 font-mono text-sm"
        value={props.expression}
        readOnly={readOnly}
        onChange={(e) => props.onChange({ kind: "jsonata", expression: e.target.value })}
      />
      <p className="text-xs text-muted-foreground">Advanced expression (JSONata). Clear it to map fields instead.</p>
    </div>
  );
}
