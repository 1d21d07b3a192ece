import { describe, expect, it } from "vitest";
import type { Mapping } from "./schema";
import { formatMapping, parseRef, parseTemplate } from "./template";

describe("parseTemplate ↔ formatMapping round trip", () => {
  it.each<[string, (string | { node: string; path: string })[]]>([
    ["Hello {{ @trigger.contact.firstName }}!", ["Hello ", { node: "trigger", path: "contact.firstName" }, "!"]],
    ["{{ @trigger.contact.tags[0] }}", [{ node: "trigger", path: "contact.tags[0]" }]],
    ['{{ @n-1.custom["x-y"] }}', [{ node: "n-1", path: 'custom["x-y"]' }]],
    ["{{ @trigger }}", [{ node: "trigger", path: "" }]],
    ["{{ @loop_1[0].a }}", [{ node: "loop_1", path: "[0].a" }]],
    ["{{ @a.x }}{{ @b.y }} and {{ @c.z }}", [{ node: "a", path: "x" }, { node: "b", path: "y" }, " and ", { node: "c", path: "z" }]],
    ["plain text", ["plain text"]],
    ["Handlebars {{ name }} stays text", ["Handlebars {{ name }} stays text"]],
    ["", []],
  ])("%s", (text, parts) => {
    const mapping = parseTemplate(text);
    expect(mapping.parts).toEqual(parts.map((p) => (typeof p === "string" ? p : { kind: "ref", ...p })));
    expect(formatMapping(mapping)).toBe(text);
    expect(parseTemplate(formatMapping(mapping))).toEqual(mapping);
  });

  it("normalizes spacing and dotted indexes", () => {
    const mapping = parseTemplate("Hi {{@trigger.items.0.name}}");
    expect(formatMapping(mapping)).toBe('Hi {{ @trigger.items["0"].name }}');
    expect(parseTemplate(formatMapping(mapping))).toEqual(mapping);
  });

  it.each([
    ["Hi {{ @trigger.name", /closing "}}"/],
    ["{{ @trigger..x }}", /Invalid path/],
    ["{{ @trigger-x y }}", /expected "\."/],
    ["{{ @ }}", /@nodeId\.path/],
  ])("rejects %s", (text, message) => {
    expect(() => parseTemplate(text)).toThrow(message);
  });
});

describe("formatMapping for every kind", () => {
  it.each<[Mapping, string]>([
    [{ kind: "literal", value: "text" }, "text"],
    [{ kind: "literal", value: 42 }, "42"],
    [{ kind: "literal", value: { a: [1] } }, '{"a":[1]}'],
    [{ kind: "ref", node: "trigger", path: "contact.email" }, "{{ @trigger.contact.email }}"],
    [
      {
        kind: "pipeline",
        source: { kind: "ref", node: "trigger", path: "phone" },
        transforms: [{ transform: "text.trim" }, { transform: "phone.e164", params: { defaultCountry: "GB" } }],
      },
      '{{ @trigger.phone | text.trim | phone.e164({"defaultCountry":"GB"}) }}',
    ],
    [{ kind: "jsonata", expression: "$count(trigger.tasks)" }, "{{= $count(trigger.tasks) }}"],
  ])("%j", (mapping, text) => {
    expect(formatMapping(mapping)).toBe(text);
  });

  it("parseRef reads bare references", () => {
    expect(parseRef("@trigger.contact.email")).toEqual({ kind: "ref", node: "trigger", path: "contact.email" });
  });
});
