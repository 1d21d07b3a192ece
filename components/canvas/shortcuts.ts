/** The editor's keyboard shortcuts as data: the help dialog lists exactly these. */

export type ShortcutAction =
  | "undo"
  | "redo"
  | "copy"
  | "cut"
  | "paste"
  | "delete"
  | "selectAll"
  | "focusPalette"
  | "help"
  | "layout"
  | "fitView"
  | "escape";

export type Shortcut = { action: ShortcutAction; keys: string[][]; description: string };

export const SHORTCUTS: Shortcut[] = [
  { action: "focusPalette", keys: [["/"], ["Ctrl", "K"]], description: "Search steps (↑/↓ to choose, Enter to insert after the selected step)" },
  { action: "undo", keys: [["Ctrl", "Z"]], description: "Undo" },
  { action: "redo", keys: [["Ctrl", "Shift", "Z"], ["Ctrl", "Y"]], description: "Redo" },
  { action: "copy", keys: [["Ctrl", "C"]], description: "Copy selected steps" },
  { action: "cut", keys: [["Ctrl", "X"]], description: "Cut selected steps" },
  { action: "paste", keys: [["Ctrl", "V"]], description: "Paste steps" },
  { action: "delete", keys: [["Delete"], ["Backspace"]], description: "Delete selected steps and connections" },
  { action: "selectAll", keys: [["Ctrl", "A"]], description: "Select all steps" },
  { action: "layout", keys: [["Shift", "L"]], description: "Tidy up (automatic layout)" },
  { action: "fitView", keys: [["Shift", "F"]], description: "Fit the workflow on screen" },
  { action: "help", keys: [["?"]], description: "Show keyboard shortcuts" },
  { action: "escape", keys: [["Esc"]], description: "Clear the selection" },
];

/** Extra gestures that are not key presses, for the help dialog. */
export const GESTURES: { keys: string[]; description: string }[] = [
  { keys: ["Shift", "drag"], description: "Select several steps with a box" },
  { keys: ["Ctrl", "click"], description: "Add a step to the selection" },
  { keys: ["Tab"], description: "Move between steps; arrow keys move the selected step" },
];

export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as HTMLElement).tagName !== "string") return false;
  const element = target as HTMLElement;
  return element.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(element.tagName);
}

/** Which action a key press means, or undefined. Ctrl and ⌘ are interchangeable. */
export function shortcutFor(event: Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "shiftKey" | "altKey">): ShortcutAction | undefined {
  const mod = event.ctrlKey || event.metaKey;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  if (event.altKey) return undefined;
  if (mod) {
    if (key === "z") return event.shiftKey ? "redo" : "undo";
    if (key === "y") return "redo";
    if (key === "c") return "copy";
    if (key === "x") return "cut";
    if (key === "v") return "paste";
    if (key === "a") return "selectAll";
    return undefined;
  }
  if (key === "Delete" || key === "Backspace") return "delete";
  if (key === "/") return "focusPalette";
  if (key === "?") return "help";
  if (key === "Escape") return "escape";
  if (event.shiftKey && key === "l") return "layout";
  if (event.shiftKey && key === "f") return "fitView";
  return undefined;
}
