import { describe, expect, it } from "vitest";
import { run } from "./apply.test-helper";

describe("phone.e164", () => {
  it.each([
    ["(212) 555-0134", {}, "+12125550134"],
    ["212.555.0134", {}, "+12125550134"],
    ["+1 212 555 0134", {}, "+12125550134"],
    ["001 212 555 0134", { defaultCountry: "DE" }, "+12125550134"],
    ["020 7946 0018", { defaultCountry: "GB" }, "+442079460018"],
    ["+44 20 7946 0018", {}, "+442079460018"],
    ["  (212) 555-0134 ext. 9 ", {}, "+12125550134"],
    [2125550134, {}, "+12125550134"],
  ])("%j %j → %s", (input, params, expected) => {
    expect(run("phone.e164", input, params)).toBe(expected);
  });

  it.each([
    ["abc", {}, 'could not parse "abc" as a phone number'],
    ["123", {}, 'could not parse "123" as a phone number'],
    ["+1 555 555 55555555", {}, "could not parse"],
    ["(212) 155-0134", { strict: true }, 'could not parse "(212) 155-0134" as a phone number'],
    [{ n: 1 }, {}, "expected a phone number but got an object"],
  ])("%j %j fails with %s", (input, params, message) => {
    expect(() => run("phone.e164", input, params)).toThrow(message);
  });

  it("rejects a malformed default country in its params", () => {
    expect(() => run("phone.e164", "2125550134", { defaultCountry: "usa" })).toThrow("Two-letter country code");
  });
});

describe("number.parse", () => {
  it.each([
    ["1,234.50", {}, 1234.5],
    ["$12", {}, 12],
    ["12", {}, 12],
    [" 12.5 ", {}, 12.5],
    ["-3", {}, -3],
    ["-$1,000", {}, -1000],
    ["(45.10)", {}, -45.1],
    ["USD 99", {}, 99],
    ["15%", {}, 15],
    [".5", {}, 0.5],
    ["1.234,50 €", { decimalSeparator: "," }, 1234.5],
    ["1 234 567", {}, 1234567],
    [7, {}, 7],
  ])("%j %j → %d", (input, params, expected) => {
    expect(run("number.parse", input, params)).toBe(expected);
  });

  it.each([["abc"], ["1.2.3"], ["12abc34"], [""], ["$"]])("%j fails with the value named", (input) => {
    expect(() => run("number.parse", input)).toThrow(`could not parse ${JSON.stringify(input)} as a number`);
  });
});

describe("boolean.parse", () => {
  it.each([
    ["yes", true],
    ["YES", true],
    ["y", true],
    ["true", true],
    ["1", true],
    ["on", true],
    [" On ", true],
    ["checked", true],
    [1, true],
    [true, true],
    ["no", false],
    ["No", false],
    ["false", false],
    ["0", false],
    ["off", false],
    ["", false],
    [0, false],
    [false, false],
  ])("%j → %s", (input, expected) => {
    expect(run("boolean.parse", input)).toBe(expected);
  });

  it.each([["maybe"], [2], [{}]])("%j fails", (input) => {
    expect(() => run("boolean.parse", input)).toThrow("could not read");
  });
});
