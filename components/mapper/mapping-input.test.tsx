// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { listPaths, parseTemplate, pipeline, ref, type Mapping } from "@/lib/engine/mapping";
import { MapperContext, REF_MIME, type MapperContextValue } from "./mapper-context";
import { MappingInput } from "./mapping-input";

afterEach(cleanup);

const sample = { email: "jane@example.com", firstName: "  Jane ", lastName: "Doe" };
const context: MapperContextValue = {
  sources: [{ nodeId: "trigger", label: "Trigger", kind: "trigger", origin: "test", paths: listPaths(sample) }],
  scope: { trigger: sample },
  readOnly: false,
  activeInputRef: { current: null },
};

function setup(value: Mapping | undefined, valueType?: "string" | "number") {
  const onChange = vi.fn();
  const view = render(
    <MapperContext.Provider value={context}>
      <MappingInput aria-label="Email" value={value} onChange={onChange} valueType={valueType} />
    </MapperContext.Provider>,
  );
  return { onChange, box: screen.getByRole("textbox", { name: "Email" }), ...view };
}

describe("MappingInput", () => {
  it("shows references as labelled pills among text", () => {
    const { box } = setup(parseTemplate("Hi {{ @trigger.firstName }}!"));
    expect(box.textContent).toContain("Hi ");
    expect(box.querySelector("[data-ref-node=trigger]")?.getAttribute("aria-label")).toBe("Field Trigger · firstName");
  });

  it("saves typed text as a literal of the field's type", () => {
    const { box, onChange } = setup(undefined, "number");
    box.textContent = "42";
    fireEvent.input(box);
    expect(onChange).toHaveBeenLastCalledWith({ kind: "literal", value: 42 });
  });

  it("inserts a dropped field as a pill", () => {
    const { box, onChange } = setup({ kind: "literal", value: "Dear " });
    fireEvent.drop(box, { dataTransfer: { getData: (type: string) => (type === REF_MIME ? "@trigger.email" : ""), types: [REF_MIME] } });
    expect(onChange).toHaveBeenLastCalledWith(parseTemplate("Dear {{ @trigger.email }}"));
  });

  it("a field dropped onto a pill's label lands after that pill and is saved", () => {
    const { box, onChange } = setup(parseTemplate("{{ @trigger.firstName }} "));
    const label = box.querySelector("[data-ref-node] span")?.firstChild as Node;
    const doc = box.ownerDocument as Omit<Document, "caretRangeFromPoint"> & { caretRangeFromPoint?: (x: number, y: number) => Range | null };
    doc.caretRangeFromPoint = () => {
      const range = doc.createRange();
      range.setStart(label, 3);
      range.collapse(true);
      return range;
    };
    try {
      fireEvent.drop(box, { dataTransfer: { getData: (type: string) => (type === REF_MIME ? "@trigger.lastName" : ""), types: [REF_MIME] } });
    } finally {
      delete doc.caretRangeFromPoint;
    }
    expect(onChange).toHaveBeenLastCalledWith(parseTemplate("{{ @trigger.firstName }}{{ @trigger.lastName }} "));
    expect(box.querySelectorAll("[data-ref-node] [data-ref-node]")).toHaveLength(0);
  });

  it("turns pasted {{ @node.path }} text into pills", () => {
    const { box, onChange } = setup(undefined);
    fireEvent.paste(box, { clipboardData: { getData: () => "{{ @trigger.email }}" } });
    expect(onChange).toHaveBeenLastCalledWith(ref("trigger", "email"));
  });

  it("removes a pill with its × button", () => {
    const { box, onChange } = setup(parseTemplate("a {{ @trigger.email }}"));
    fireEvent.click(box.querySelector("[data-pill-remove]") as Element);
    expect(onChange).toHaveBeenLastCalledWith({ kind: "literal", value: "a " });
  });

  it("previews the value on the sample, transforms included", async () => {
    setup(pipeline(ref("trigger", "firstName"), { transform: "text.trim" }));
    await waitFor(() => expect(screen.getByText("Jane")).toBeTruthy());
    expect(screen.getByRole("button", { name: "Edit transform Trim spaces" })).toBeTruthy();
  });
});

describe("MappingInput transforms", () => {
  it("opens the transform menu from a pill and appends the chosen transform", async () => {
    const { box, onChange } = setup(ref("trigger", "firstName"));
    fireEvent.click(box.querySelector("[data-ref-node] span") as Element);
    const item = await screen.findByRole("menuitem", { name: /Trim spaces/ });
    fireEvent.click(item);
    expect(onChange).toHaveBeenLastCalledWith(pipeline(ref("trigger", "firstName"), { transform: "text.trim", params: { collapse: false } }));
  });
});
