// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { formatMapping, parseTemplate, pipeline, ref, type Mapping } from "@/lib/engine/mapping";
import { fromEditable, readParts, renderParts, toEditable } from "./mapping-parts";

const label = (r: { node: string; path: string }) => `${r.node} · ${r.path}`;

function roundTripDom(mapping: Mapping): Mapping | undefined {
  const el = document.createElement("div");
  const editable = toEditable(mapping);
  renderParts(el, editable.parts, label);
  return fromEditable({ parts: readParts(el), transforms: editable.transforms });
}

describe("mapping parts", () => {
  it.each([
    ["plain text", { kind: "literal", value: "Hello" }],
    ["one reference", ref("trigger", "contact.email")],
    ["text and references", parseTemplate("Hi {{ @trigger.firstName }} {{ @trigger.lastName }}!")],
    ["reference with index", parseTemplate("{{ @find.contacts[0].id }} tag")],
    ["pipeline", pipeline(ref("trigger", "phone"), { transform: "phone.e164", params: { defaultCountry: "US" } })],
    ["template pipeline", pipeline(parseTemplate("{{ @a.x }}-{{ @b.y }}"), { transform: "text.trim" })],
  ] as [string, Mapping][])("%s survives DOM render → read", (_name, mapping) => {
    expect(roundTripDom(mapping)).toEqual(mapping);
  });

  it("renders references as pills with labels and reads them back by data attributes", () => {
    const el = document.createElement("div");
    renderParts(el, parseTemplate("Dear {{ @trigger.name }},").parts, () => "Trigger · name");
    const pill = el.querySelector("[data-ref-node]");
    expect(pill?.getAttribute("aria-label")).toBe("Field Trigger · name");
    expect(pill?.getAttribute("contenteditable")).toBe("false");
    expect(formatMapping(fromEditable({ parts: readParts(el), transforms: [] }) as Mapping)).toBe("Dear {{ @trigger.name }},");
  });

  it("reads text typed around pills, including nbsp and wrapper elements", () => {
    const el = document.createElement("div");
    renderParts(el, [ref("t", "a")], label);
    el.append(document.createTextNode("\u00a0and"));
    const span = document.createElement("span");
    span.textContent = " more";
    el.append(span);
    expect(readParts(el)).toEqual([ref("t", "a"), " and more"]);
  });

  it("keeps typed numbers and booleans typed", () => {
    expect(fromEditable({ parts: ["42"], transforms: [] }, "number")).toEqual({ kind: "literal", value: 42 });
    expect(fromEditable({ parts: ["true"], transforms: [] }, "boolean")).toEqual({ kind: "literal", value: true });
    expect(fromEditable({ parts: ["42"], transforms: [] }, "string")).toEqual({ kind: "literal", value: "42" });
    expect(fromEditable({ parts: ['{"a":1}'], transforms: [] }, "object")).toEqual({ kind: "literal", value: { a: 1 } });
  });

  it("clears to undefined and keeps JSONata as an expression", () => {
    expect(fromEditable({ parts: ["", ""], transforms: [] })).toBeUndefined();
    const jsonata: Mapping = { kind: "jsonata", expression: "$sum(items.price)" };
    expect(fromEditable(toEditable(jsonata))).toEqual(jsonata);
  });
});
