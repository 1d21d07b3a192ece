import { describe, expect, it } from "vitest";
import { z } from "zod";
import { run } from "./apply.test-helper";
import { getTransform, transforms } from "./index";

describe("default", () => {
  it.each([
    [undefined, "n/a", "n/a"],
    [null, "n/a", "n/a"],
    ["", "n/a", "n/a"],
    ["   ", "n/a", "n/a"],
    [[], ["x"], ["x"]],
    ["set", "n/a", "set"],
    [0, 5, 0],
    [false, true, false],
  ])("%j with default %j → %j", (input, value, expected) => {
    expect(run("default", input, { value })).toEqual(expected);
  });
});

describe("lookup", () => {
  const entries = [
    { from: "won", to: "Booked" },
    { from: "lost", to: "Cancelled" },
    { from: "1", to: 100 },
  ];
  it.each([
    ["won", {}, "Booked"],
    [" WON ", {}, "Booked"],
    ["WON", { ignoreCase: false }, "WON"],
    [1, {}, 100],
    ["open", {}, "open"],
    ["open", { fallback: "value", fallbackValue: "Inquiry" }, "Inquiry"],
    ["open", { fallback: "empty" }, null],
  ])("%j %j → %j", (input, params, expected) => {
    expect(run("lookup", input, { entries, ...params })).toEqual(expected);
  });

  it("fails on no match when asked to", () => {
    expect(() => run("lookup", "open", { entries, fallback: "error" })).toThrow('no lookup row matches "open"');
  });
});

describe("list.pick", () => {
  const tags = ["vip", "wedding", "", "repeat"];
  it.each([
    [tags, {}, "vip"],
    [tags, { mode: "last" }, "repeat"],
    [tags, { mode: "index", index: 1 }, "wedding"],
    [tags, { mode: "index", index: -2 }, ""],
    [tags, { mode: "index", index: 9 }, undefined],
    [tags, { mode: "join" }, "vip, wedding, repeat"],
    [tags, { mode: "join", separator: ";" }, "vip;wedding;repeat"],
    [[{ name: "a" }, { name: "b" }], { mode: "join", field: "name" }, "a, b"],
    [[{ name: "a" }, { name: "b" }], { mode: "last", field: "name" }, "b"],
    [[], {}, undefined],
    ["solo", {}, "solo"],
  ])("%j %j → %j", (input, params, expected) => {
    expect(run("list.pick", input, params)).toEqual(expected);
  });

  it("names object items it cannot join", () => {
    expect(() => run("list.pick", [{ a: 1 }], { mode: "join" })).toThrow("expected text items but got an object");
  });
});

describe("json.pick", () => {
  it.each([
    [{ customFields: [{ id: "f1", value: "Roses" }] }, { path: "customFields[0].value" }, "Roses"],
    ['{"a":{"x-y":3}}', { path: 'a["x-y"]' }, 3],
    [{ a: 1 }, { path: "b" }, undefined],
  ])("%j %j → %j", (input, params, expected) => {
    expect(run("json.pick", input, params)).toEqual(expected);
  });

  it.each([
    ["{not json", { path: "a" }, 'expected JSON text but got "{not json"'],
    [{ a: 1 }, { path: "b", required: true }, 'the value has no field "b"'],
  ])("%j %j fails with %s", (input, params, message) => {
    expect(() => run("json.pick", input, params)).toThrow(message);
  });

  it("rejects an invalid path setting", () => {
    expect(() => run("json.pick", {}, { path: "a..b" })).toThrow("Invalid path");
  });
});

describe("transform registry", () => {
  it("has unique keys and resolves each one", () => {
    const keys = transforms.map((t) => t.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(getTransform(key)?.key).toBe(key);
    expect(getTransform("nope")).toBeUndefined();
  });

  it.each(transforms.map((t) => [t.key, t] as const))("%s has UI text and params that render as JSON Schema", (_key, t) => {
    expect(t.label.length).toBeGreaterThan(2);
    expect(t.description.length).toBeGreaterThan(10);
    const json = z.toJSONSchema(t.params, { io: "input" }) as { properties?: Record<string, { description?: string }> };
    for (const [name, property] of Object.entries(json.properties ?? {})) {
      expect(property.description, `${t.key}.${name}`).toBeTruthy();
    }
    for (const name of t.mappingParams ?? []) expect(json.properties?.[name]).toBeDefined();
  });
});
