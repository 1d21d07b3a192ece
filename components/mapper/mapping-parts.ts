/**
 * The mapping input edits a field as a row of text and reference pills (a template),
 * optionally followed by transforms. These functions convert between that editable
 * form and the saved `Mapping`, and between the form and the input's DOM.
 */
import type { Mapping, RefMapping, TransformStep, ValueTypeName } from "@/lib/engine/mapping";
import { formatRef } from "@/lib/engine/mapping";

export type MappingPart = string | RefMapping;

export type EditableMapping = {
  parts: MappingPart[];
  transforms: TransformStep[];
  /** A JSONata expression has no pill form; it is shown and edited as text. */
  expression?: string;
};

function literalText(value: unknown): string {
  if (value === undefined || value === null) return "";
  return typeof value === "string" ? value : JSON.stringify(value);
}

export function toEditable(mapping: Mapping | undefined): EditableMapping {
  if (!mapping) return { parts: [], transforms: [] };
  switch (mapping.kind) {
    case "literal": {
      const text = literalText(mapping.value);
      return { parts: text ? [text] : [], transforms: [] };
    }
    case "ref":
      return { parts: [mapping], transforms: [] };
    case "template":
      return { parts: [...mapping.parts], transforms: [] };
    case "pipeline": {
      const inner = toEditable(mapping.source);
      return { ...inner, transforms: [...inner.transforms, ...mapping.transforms] };
    }
    case "jsonata":
      return { parts: [], transforms: [], expression: mapping.expression };
  }
}

/** Adjacent text merged, empty text dropped. */
export function normalizeParts(parts: readonly MappingPart[]): MappingPart[] {
  const out: MappingPart[] = [];
  for (const part of parts) {
    const last = out.at(-1);
    if (typeof part === "string") {
      if (part === "") continue;
      if (typeof last === "string") out[out.length - 1] = last + part;
      else out.push(part);
    } else out.push({ kind: "ref", node: part.node, path: part.path });
  }
  return out;
}

/** Plain text typed into a number/boolean/object field keeps that type when it parses. */
export function coerceText(text: string, type: ValueTypeName | undefined): unknown {
  const trimmed = text.trim();
  if ((type === "number" || type === "any") && /^-?\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  if (type === "boolean" && (trimmed === "true" || trimmed === "false")) return trimmed === "true";
  if ((type === "object" || type === "array") && /^[[{]/.test(trimmed)) {
    try {
      return JSON.parse(trimmed);
    } catch {
      return text;
    }
  }
  return text;
}

export function fromEditable(editable: EditableMapping, type?: ValueTypeName): Mapping | undefined {
  if (editable.expression !== undefined) return editable.expression.trim() ? { kind: "jsonata", expression: editable.expression } : undefined;
  const parts = normalizeParts(editable.parts);
  let source: Mapping | undefined;
  if (parts.length === 0) source = undefined;
  else if (parts.length === 1 && typeof parts[0] !== "string") source = parts[0];
  else if (parts.every((p) => typeof p === "string")) source = { kind: "literal", value: coerceText(parts.join(""), type) };
  else source = { kind: "template", parts };
  if (editable.transforms.length === 0) return source;
  return { kind: "pipeline", source: source ?? { kind: "literal", value: null }, transforms: editable.transforms };
}

export const partsKey = (parts: readonly MappingPart[]) =>
  normalizeParts(parts)
    .map((p) => (typeof p === "string" ? `t:${p}` : `r:${formatRef(p)}`))
    .join("\u0000");

// ---- DOM (contenteditable) -------------------------------------------------------------

export const PILL_CLASS =
  "mx-0.5 inline-flex max-w-full cursor-pointer items-center gap-1 rounded bg-primary/10 px-1.5 align-baseline text-xs font-medium leading-5 text-primary select-none";

export function createPill(doc: Document, ref: RefMapping, label: string, removable = true): HTMLElement {
  const pill = doc.createElement("span");
  pill.contentEditable = "false";
  pill.dataset.refNode = ref.node;
  pill.dataset.refPath = ref.path;
  pill.className = PILL_CLASS;
  pill.title = `${formatRef(ref)}: click to transform`;
  pill.setAttribute("role", "img");
  pill.setAttribute("aria-label", `Field ${label}`);
  const text = doc.createElement("span");
  text.className = "truncate";
  text.textContent = label;
  pill.append(text);
  if (removable) {
    const remove = doc.createElement("button");
    remove.type = "button";
    remove.tabIndex = -1;
    remove.dataset.pillRemove = "";
    remove.setAttribute("aria-label", `Remove ${label}`);
    remove.className = "opacity-60 hover:opacity-100";
    remove.textContent = "×";
    pill.append(remove);
  }
  return pill;
}

export function renderParts(el: HTMLElement, parts: readonly MappingPart[], labelFor: (ref: RefMapping) => string, removable = true): void {
  const doc = el.ownerDocument;
  el.replaceChildren(
    ...normalizeParts(parts).map((part) => (typeof part === "string" ? doc.createTextNode(part) : createPill(doc, part, labelFor(part), removable))),
  );
}

export function readParts(el: HTMLElement): MappingPart[] {
  const parts: MappingPart[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      parts.push(node.textContent ?? "");
      return;
    }
    if (node.nodeType !== 1) return;
    const element = node as HTMLElement;
    if (element.dataset.refNode !== undefined) {
      parts.push({ kind: "ref", node: element.dataset.refNode, path: element.dataset.refPath ?? "" });
      return;
    }
    if (element.tagName === "BR" || element.dataset.pillRemove !== undefined) return;
    element.childNodes.forEach(walk);
  };
  el.childNodes.forEach(walk);
  // Browsers insert non-breaking spaces in contenteditable; store ordinary ones.
  return normalizeParts(parts.map((p) => (typeof p === "string" ? p.replace(/\u00a0/g, " ") : p)));
}
