// @vitest-environment happy-dom
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import type { WorkflowGraph } from "@/lib/engine/graph";
import { realCatalog } from "./catalog.test-helper";
import { WorkflowEditor } from "./workflow-editor";

// React Flow measures nodes with ResizeObserver and reads zoom through DOMMatrix.
beforeAll(() => {
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
  const g = globalThis as unknown as { DOMMatrixReadOnly?: unknown };
  g.DOMMatrixReadOnly ??= class {
    m22 = 1;
    constructor(_transform?: string) {}
  };
});
afterEach(cleanup);

const catalog = realCatalog();
const at = (x: number) => ({ x, y: 0 });
const graph: WorkflowGraph = {
  schemaVersion: 1,
  nodes: [
    { id: "trigger", label: "New contact", position: at(0), kind: "trigger", triggerKey: "ghl.contact.created" },
    { id: "note", label: "Add note", position: at(300), kind: "action", operationKey: "ghl.note.create", connectionId: "conn-1", inputs: {} },
  ],
  edges: [{ id: "e1", source: "trigger", target: "note" }],
};

function setup(overrides: Partial<Parameters<typeof WorkflowEditor>[0]> = {}) {
  const onSave = vi.fn(async (_graph: WorkflowGraph) => undefined);
  render(<WorkflowEditor initialGraph={graph} catalog={catalog} connections={[]} samples={{}} onSave={onSave} {...overrides} />);
  return { onSave };
}

describe("WorkflowEditor", () => {
  it("renders steps with accessible labels and validation badges", async () => {
    setup();
    expect(screen.getByLabelText("Step: New contact")).toBeTruthy();
    expect(screen.getByLabelText("Step: Add note")).toBeTruthy();
    // A note needs a contact and a body; the client-side validation marks the node (hidden: React Flow shows nodes once measured).
    await waitFor(() => expect(screen.getByTestId("step-note").querySelector('[role=img][aria-label^="2 problems"]')).toBeTruthy());
    expect(screen.getByRole("button", { name: "Problems: 2 errors, 0 warnings" })).toBeTruthy();
  });

  it("inserts a step from the palette with the keyboard, autosaves, and undoes", async () => {
    const { onSave } = setup();
    const search = screen.getByRole("combobox", { name: "Search steps" });
    fireEvent.change(search, { target: { value: "filter" } });
    await waitFor(() => expect(screen.getAllByRole("option").length).toBeGreaterThan(0));
    fireEvent.keyDown(search, { key: "Enter" });
    await waitFor(() => expect(screen.getByLabelText("Step: Filter")).toBeTruthy());
    expect(screen.getByRole("status").textContent).toMatch(/Unsaved|Saving/);
    await waitFor(() => expect(onSave).toHaveBeenCalled(), { timeout: 3000 });
    const saved = onSave.mock.calls.at(-1)?.[0] as WorkflowGraph;
    expect(saved.nodes.map((n) => n.kind)).toContain("filter");
    await act(async () => {
      fireEvent.keyDown(document.body, { key: "z", ctrlKey: true });
    });
    await waitFor(() => expect(screen.queryByLabelText("Step: Filter")).toBeNull());
  });

  it("shows the settings panel with the schema form for a selected action", async () => {
    setup();
    fireEvent.click(screen.getByTestId("step-note"));
    await waitFor(() => expect(screen.getByRole("complementary", { name: "Settings of Add note" })).toBeTruthy());
    expect(screen.getByRole("textbox", { name: "Name" })).toBeTruthy();
    expect(screen.getByRole("textbox", { name: "Body" })).toBeTruthy();
    // The trigger's example payload has the contact id: one click maps it.
    const suggestion = screen.getByRole("button", { name: /Map contactId from New contact/ });
    fireEvent.click(suggestion);
    await waitFor(() => expect(screen.getByRole("textbox", { name: "Contact ID" }).querySelector("[data-ref-node=trigger]")).toBeTruthy());
  });

  it("opens the shortcut list with ?", async () => {
    setup();
    fireEvent.keyDown(document.body, { key: "?" });
    await waitFor(() => expect(screen.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeTruthy());
  });

  it("loads the full entry of a lean step when it enters the graph, then shows its fields", async () => {
    const key = "details-flowers.client.upsert";
    const full = catalog.find((e) => e.key === key);
    const lean = catalog.map((e) => (e.key === key ? { ...e, inputSchema: {}, outputSchema: {}, sample: undefined, schemasOmitted: true as const } : e));
    const loadCatalogEntries = vi.fn(async (keys: string[]) => catalog.filter((e) => keys.includes(e.key)));
    setup({ catalog: lean, loadCatalogEntries });
    fireEvent.click(screen.getByTestId("step-note"));
    const search = screen.getByRole("combobox", { name: "Search steps" });
    fireEvent.change(search, { target: { value: full?.label } });
    const option = await waitFor(() => {
      const found = screen.getAllByRole("option").find((o) => o.textContent?.startsWith(`${full?.label}Action`));
      if (!found) throw new Error("the palette does not offer the step yet");
      return found;
    });
    fireEvent.click(option);
    await waitFor(() => expect(loadCatalogEntries).toHaveBeenCalledWith([key]));
    // Steps already in the graph came with their schemas: only the new kind is asked for.
    expect(loadCatalogEntries).toHaveBeenCalledTimes(1);
    fireEvent.click(await screen.findByLabelText(`Step: ${full?.label}`));
    await waitFor(() => expect(screen.getByRole("textbox", { name: "Email" })).toBeTruthy());
  });
});
