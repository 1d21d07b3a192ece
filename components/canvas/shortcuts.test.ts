import { describe, expect, it } from "vitest";
import { createKeyedStore } from "./keyed-store";
import { SHORTCUTS, shortcutFor } from "./shortcuts";

const key = (k: string, mods: Partial<Record<"ctrlKey" | "metaKey" | "shiftKey" | "altKey", boolean>> = {}) =>
  shortcutFor({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe("shortcutFor", () => {
  it.each([
    ["z", { ctrlKey: true }, "undo"],
    ["z", { metaKey: true }, "undo"],
    ["Z", { ctrlKey: true, shiftKey: true }, "redo"],
    ["y", { ctrlKey: true }, "redo"],
    ["c", { ctrlKey: true }, "copy"],
    ["v", { metaKey: true }, "paste"],
    ["x", { ctrlKey: true }, "cut"],
    ["a", { ctrlKey: true }, "selectAll"],
    ["Delete", {}, "delete"],
    ["Backspace", {}, "delete"],
    ["/", {}, "focusPalette"],
    ["?", { shiftKey: true }, "help"],
    ["L", { shiftKey: true }, "layout"],
    ["F", { shiftKey: true }, "fitView"],
    ["Escape", {}, "escape"],
  ] as const)("%s %o → %s", (k, mods, action) => {
    expect(key(k, mods)).toBe(action);
  });

  it("ignores plain letters and Alt combinations", () => {
    expect(key("l")).toBeUndefined();
    expect(key("z", { ctrlKey: true, altKey: true })).toBeUndefined();
  });

  it("lists every action in the help table", () => {
    const listed = new Set(SHORTCUTS.map((s) => s.action));
    for (const action of ["undo", "redo", "copy", "paste", "delete", "focusPalette", "help", "layout"]) expect(listed.has(action as never)).toBe(true);
  });
});

describe("keyed store", () => {
  it("notifies on change and keeps unchanged values identical", () => {
    const store = createKeyedStore<{ n: number }>((a, b) => a.n === b.n);
    let calls = 0;
    store.subscribe(() => calls++);
    store.setAll({ a: { n: 1 }, b: { n: 2 } });
    const a = store.get("a");
    store.setAll({ a: { n: 1 }, b: { n: 2 } });
    expect(calls).toBe(1);
    expect(store.get("a")).toBe(a);
    store.setAll({ a: { n: 1 } });
    expect(calls).toBe(2);
    expect(store.get("b")).toBeUndefined();
  });

  it("sets one key without touching the others, and stays quiet when nothing changed", () => {
    const store = createKeyedStore<string>();
    let calls = 0;
    store.subscribe(() => calls++);
    store.setAll({ a: "failed", b: "succeeded" });
    store.set("a", "succeeded");
    store.set("a", "succeeded");
    expect(calls).toBe(2);
    expect([store.get("a"), store.get("b")]).toEqual(["succeeded", "succeeded"]);
  });
});
