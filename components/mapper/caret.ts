/** Caret bookkeeping for the contenteditable mapping input. */

export function rangeInside(el: HTMLElement, range: Range | null | undefined): range is Range {
  return Boolean(range && el.contains(range.startContainer) && el.contains(range.endContainer));
}

export function currentRange(el: HTMLElement): Range | null {
  const selection = el.ownerDocument.getSelection();
  if (!selection || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  return rangeInside(el, range) ? range.cloneRange() : null;
}

/** Where a drop at (x, y) lands; `caretRangeFromPoint` (Chromium/WebKit) or `caretPositionFromPoint` (Firefox). */
export function rangeFromPoint(doc: Document, x: number, y: number): Range | null {
  const withRange = doc as Document & { caretRangeFromPoint?: (x: number, y: number) => Range | null };
  if (withRange.caretRangeFromPoint) return withRange.caretRangeFromPoint(x, y);
  const withPosition = doc as Document & { caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null };
  const position = withPosition.caretPositionFromPoint?.(x, y);
  if (!position) return null;
  const range = doc.createRange();
  range.setStart(position.offsetNode, position.offset);
  range.collapse(true);
  return range;
}

/**
 * A caret inside a pill (a drop onto its label) moves to just after that pill: pills are
 * atomic, and a pill nested in another would be shown but never saved.
 */
function outsidePills(el: HTMLElement, range: Range): Range {
  const start = range.startContainer;
  const pill = (start.nodeType === 1 ? (start as Element) : start.parentElement)?.closest("[data-ref-node]");
  if (!pill || pill === el || !el.contains(pill)) return range;
  const after = el.ownerDocument.createRange();
  after.setStartAfter(pill);
  after.collapse(true);
  return after;
}

/** Inserts nodes at `range` (or at the end) and puts the caret after them. */
export function insertNodesAt(el: HTMLElement, nodes: Node[], range: Range | null): void {
  const doc = el.ownerDocument;
  const target = rangeInside(el, range) ? outsidePills(el, range) : null;
  const fragment = doc.createDocumentFragment();
  nodes.forEach((n) => fragment.append(n));
  const last = nodes.at(-1);
  if (target) {
    target.deleteContents();
    target.insertNode(fragment);
  } else el.append(fragment);
  if (!last) return;
  const selection = doc.getSelection();
  if (!selection) return;
  const after = doc.createRange();
  after.setStartAfter(last);
  after.collapse(true);
  selection.removeAllRanges();
  selection.addRange(after);
}
