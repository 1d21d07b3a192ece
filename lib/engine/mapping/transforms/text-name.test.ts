import { describe, expect, it } from "vitest";
import { run } from "./apply.test-helper";
import { splitName } from "./name";

describe("text transforms", () => {
  it.each([
    ["text.trim", "  Jane  ", {}, "Jane"],
    ["text.trim", " Jane \t  Doe ", { collapse: true }, "Jane Doe"],
    ["text.trim", 42, {}, "42"],
    ["text.lower", "JANE@Example.COM", {}, "jane@example.com"],
    ["text.upper", "ny", {}, "NY"],
    ["text.upper", true, {}, "TRUE"],
  ])("%s(%j, %j) → %j", (key, input, params, expected) => {
    expect(run(key, input, params)).toBe(expected);
  });

  it.each(["text.trim", "text.lower", "text.upper"])("%s names the wrong input type", (key) => {
    expect(() => run(key, { a: 1 })).toThrow("expected text but got an object");
  });
});

describe("splitName", () => {
  it.each([
    ["Dr. Jane van der Berg", "Jane", "van der Berg"],
    ["Jane Doe", "Jane", "Doe"],
    ["  Jane    Doe  ", "Jane", "Doe"],
    ["Cher", "Cher", ""],
    ["", "", ""],
    ["   ", "", ""],
    ["Mary Ann Smith", "Mary Ann", "Smith"],
    ["Jean-Claude Van Damme", "Jean-Claude", "Van Damme"],
    ["José de la Cruz", "José", "de la Cruz"],
    ["Van Morrison", "Van", "Morrison"],
    ["Berg, Jane", "Jane", "Berg"],
    ["van der Berg, Dr. Jane", "Jane", "van der Berg"],
    ["John Smith Jr.", "John", "Smith Jr."],
    ["John Smith, Jr.", "John", "Smith Jr."],
    ["Martin Luther King III", "Martin Luther", "King III"],
    ["Dr. Smith", "", "Smith"],
    ["Mrs. Mary-Kate O'Neil", "Mary-Kate", "O'Neil"],
  ])("%j → %j / %j", (full, first, last) => {
    expect(splitName(full)).toEqual({ first, last });
    expect(run("name.first", full)).toBe(first);
    expect(run("name.last", full)).toBe(last);
  });

  it("refuses non-text names with a clear message", () => {
    expect(() => run("name.first", ["Jane"])).toThrow("expected a name but got a list of 1");
  });
});

describe("name.join", () => {
  it.each([
    ["Jane", { last: "Doe" }, "Jane Doe"],
    [" Jane ", { last: "  van der  Berg " }, "Jane van der Berg"],
    ["Jane", { last: "" }, "Jane"],
    ["", { last: "Doe" }, "Doe"],
    [undefined, { last: "Doe" }, "Doe"],
    [["Jane", null, "Doe"], {}, "Jane Doe"],
    [{ firstName: "Jane", lastName: "Doe" }, {}, "Jane Doe"],
    [{ first_name: "Jane" }, {}, "Jane"],
    [null, {}, ""],
  ])("%j + %j → %j", (input, params, expected) => {
    expect(run("name.join", input, params)).toBe(expected);
  });

  it("refuses nested objects as name parts", () => {
    expect(() => run("name.join", "Jane", { last: { x: 1 } })).toThrow("expected name parts as text but got an object");
  });
});
