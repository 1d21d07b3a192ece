// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { realCatalog } from "./catalog.test-helper";
import { Palette } from "./palette";
import { filterEntries, groupEntries, STEP_MIME } from "./palette-groups";

afterEach(cleanup);
const catalog = realCatalog();

describe("palette grouping", () => {
  it("groups every entry by connector and resource, logic first", () => {
    const groups = groupEntries(catalog);
    expect(groups[0].title).toBe("Logic");
    expect(groups.flatMap((g) => g.entries)).toHaveLength(catalog.length);
    expect(groups.map((g) => g.title)).toContain("HighLevel · Contact");
    expect(groups.map((g) => g.title)).toContain("Details Flowers · Client");
    // Triggers come before actions inside a group.
    const contact = groups.find((g) => g.title === "HighLevel · Contact");
    const kinds = contact?.entries.map((e) => e.kind) ?? [];
    expect(kinds.indexOf("action")).toBeGreaterThan(kinds.lastIndexOf("trigger"));
  });

  it("searches labels, descriptions and connector names with every word", () => {
    const found = filterEntries(catalog, "details client upsert");
    expect(found.map((e) => e.key)).toContain("details-flowers.client.upsert");
    expect(found.every((e) => e.connector === "details-flowers")).toBe(true);
    expect(filterEntries(catalog, "zzzz")).toEqual([]);
  });
});

describe("Palette", () => {
  it("moves with arrows and inserts with Enter, or by click, and drags with the step key", async () => {
    const onInsert = vi.fn();
    render(<Palette catalog={catalog} onInsert={onInsert} insertHint="Inserts after “A”" />);
    const search = screen.getByRole("combobox", { name: "Search steps" });
    fireEvent.change(search, { target: { value: "loop" } });
    await waitFor(() => expect(screen.getAllByRole("option")[0].textContent).toContain("Loop"));
    fireEvent.keyDown(search, { key: "Enter" });
    expect(onInsert).toHaveBeenLastCalledWith(expect.objectContaining({ key: "logic.loop" }));
    fireEvent.change(search, { target: { value: "contact" } });
    await waitFor(() => expect(screen.getAllByRole("option").length).toBeGreaterThan(2));
    fireEvent.keyDown(search, { key: "ArrowDown" });
    const options = screen.getAllByRole("option");
    expect(options[1].getAttribute("aria-selected")).toBe("true");
    expect(search.getAttribute("aria-activedescendant")).toBe(options[1].id);
    fireEvent.click(options[2]);
    expect(onInsert).toHaveBeenCalledTimes(2);
    const setData = vi.fn();
    fireEvent.dragStart(options[0], { dataTransfer: { setData, effectAllowed: "" } });
    expect(setData).toHaveBeenCalledWith(STEP_MIME, expect.any(String));
  });

  it("marks deprecated steps with their replacement", () => {
    const deprecated = { ...catalog[30], key: "old.op", label: "Old op", deprecated: { reason: "Replaced.", useInstead: "ghl.contact.upsert" } };
    render(<Palette catalog={[deprecated]} onInsert={() => undefined} insertHint="" />);
    expect(screen.getByText(/Deprecated: Replaced\. Use ghl.contact.upsert instead\./)).toBeTruthy();
  });
});
