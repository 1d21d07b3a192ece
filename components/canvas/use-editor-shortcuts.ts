"use client";

import { useEffect, useRef, type RefObject } from "react";
import { isTypingTarget, shortcutFor, type ShortcutAction } from "./shortcuts";

/**
 * Global shortcuts while focus is inside the editor (or on the page body). Text fields keep
 * their own undo/copy/delete; only Escape and Ctrl+K reach the editor from them.
 */
export function useEditorShortcuts(root: RefObject<HTMLElement | null>, handlers: Partial<Record<ShortcutAction, () => void>>, enabled = true) {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      const target = event.target as Node | null;
      const inside = !target || target === document.body || Boolean(root.current?.contains(target));
      if (!inside || event.defaultPrevented) return;
      // Dialogs and menus (rendered in portals) handle their own keys.
      if ((target as HTMLElement | null)?.closest?.("[role=dialog],[role=menu],[role=listbox]")) return;
      const action = shortcutFor(event);
      if (!action) return;
      if (isTypingTarget(event.target) && action !== "escape") return;
      const handler = latest.current[action];
      if (!handler) return;
      event.preventDefault();
      handler();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [root, enabled]);
}
