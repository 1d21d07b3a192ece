import { describe, expect, it } from "vitest";
import { formatPath, getPath, listPaths, lookupPath, parsePath, setPath } from "./path";

describe("parsePath / formatPath", () => {
  it.each([
    ["", []],
    ["contact", ["contact"]],
    ["contact.firstName", ["contact", "firstName"]],
    ["a.tags[0]", ["a", "tags", 0]],
    ['custom["x-y"].value', ["custom", "x-y", "value"]],
    ['["first key"][2][3]', ["first key", 2, 3]],
    ['a["quote\\"d"]', ["a", 'quote"d']],
  ])("%s", (text, segments) => {
    expect(parsePath(text)).toEqual(segments);
    expect(formatPath(segments)).toBe(text);
  });

  it.each([["a..b"], [".a"], ["a[x]"], ["a[0"], ["a b"], ["a-b"], ['a["x]']])("rejects %s", (text) => {
    expect(() => parsePath(text)).toThrow(/Invalid path/);
  });

  it("reads dotted digits as keys", () => {
    expect(parsePath("items.0.name")).toEqual(["items", "0", "name"]);
  });
});

describe("getPath / lookupPath", () => {
  const value = { contact: { tags: ["vip", "new"], email: null, "x-y": 1 }, list: [{ id: "a" }] };
  it.each([
    ["contact.tags[1]", "new", true],
    ['contact["x-y"]', 1, true],
    ["contact.email", null, true],
    ["list[0].id", "a", true],
    ["list.0.id", "a", true],
    ["contact.tags.length", 2, true],
    ["contact.phone", undefined, false],
    ["list[3].id", undefined, false],
    ["contact.tags[0].x", undefined, false],
  ])("%s", (path, expected, found) => {
    expect(getPath(value, path)).toEqual(expected);
    expect(lookupPath(value, path).found).toBe(found);
  });
});

describe("setPath", () => {
  it("creates nested objects and arrays without mutating", () => {
    const base = { a: { keep: 1 } };
    const next = setPath(setPath(base, ["a", "b"], 2), ["tags", 1], "x");
    expect(next).toEqual({ a: { keep: 1, b: 2 }, tags: [undefined, "x"] });
    expect(base).toEqual({ a: { keep: 1 } });
  });
});

describe("listPaths", () => {
  it("flattens a sample with types and examples", () => {
    const paths = listPaths({ contact: { name: "Jane", tags: ["vip"], "x-y": true, age: 3 }, n: null }, 3);
    expect(paths).toEqual([
      { path: "contact", type: "object", example: "4 fields" },
      { path: "contact.name", type: "string", example: "Jane" },
      { path: "contact.tags", type: "array", example: "1 item" },
      { path: "contact.tags[0]", type: "string", example: "vip" },
      { path: 'contact["x-y"]', type: "boolean", example: true },
      { path: "contact.age", type: "number", example: 3 },
      { path: "n", type: "null", example: null },
    ]);
  });

  it("stops at maxDepth", () => {
    expect(listPaths({ a: { b: { c: 1 } } }, 1).map((p) => p.path)).toEqual(["a"]);
  });
});
