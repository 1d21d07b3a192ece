import { describe, expect, it } from "vitest";
import { run } from "./apply.test-helper";

describe("date.parse", () => {
  it.each([
    ["2024-03-10T14:30:00Z", {}, "2024-03-10T14:30:00.000Z"],
    ["2024-03-10T14:30:00.123+02:00", {}, "2024-03-10T12:30:00.123Z"],
    ["2024-03-10T14:30:00-0500", { format: "iso" }, "2024-03-10T19:30:00.000Z"],
    ["2024-03-10", {}, "2024-03-10T00:00:00.000Z"],
    ["2024-03-10", { timeZone: "America/New_York" }, "2024-03-10T05:00:00.000Z"],
    ["2024-07-04 09:00", { timeZone: "America/New_York" }, "2024-07-04T13:00:00.000Z"],
    ["03/10/2024", { format: "MM/DD/YYYY" }, "2024-03-10T00:00:00.000Z"],
    ["03/10/2024", { format: "DD/MM/YYYY" }, "2024-10-03T00:00:00.000Z"],
    ["3/9/2024 2:05 PM", {}, "2024-03-09T14:05:00.000Z"],
    ["12/25/2024 12:00 am", { timeZone: "Europe/Berlin" }, "2024-12-24T23:00:00.000Z"],
    [1710081000, {}, "2024-03-10T14:30:00.000Z"],
    [1710081000000, {}, "2024-03-10T14:30:00.000Z"],
    ["1710081000", { format: "unix_s" }, "2024-03-10T14:30:00.000Z"],
    ["1710081000000", { format: "unix_ms" }, "2024-03-10T14:30:00.000Z"],
    ["1710081000", {}, "2024-03-10T14:30:00.000Z"],
    // 02:30 does not exist in New York on 2024-03-10 (clocks jump 02:00 → 03:00): read as 03:30 EDT.
    ["2024-03-10T02:30:00", { timeZone: "America/New_York" }, "2024-03-10T07:30:00.000Z"],
    // 01:30 happens twice on 2024-11-03: the earlier (EDT) one is meant.
    ["2024-11-03T01:30:00", { timeZone: "America/New_York" }, "2024-11-03T05:30:00.000Z"],
    ["2024-11-03T03:00:00", { timeZone: "America/New_York" }, "2024-11-03T08:00:00.000Z"],
  ])("%j %j → %s", (input, params, expected) => {
    expect(run("date.parse", input, params)).toBe(expected);
  });

  it.each([
    ["not a date", {}, 'could not parse "not a date" as a date'],
    ["2024-02-30", {}, 'could not parse "2024-02-30" as a date'],
    ["13/01/2024", { format: "MM/DD/YYYY" }, 'could not parse "13/01/2024" as a date (MM/DD/YYYY)'],
    ["2024-03-10", { format: "unix_s" }, "(unix_s)"],
    ["03/10/2024", { format: "iso" }, "(iso)"],
    ["", {}, "expected a date but got empty text"],
    [{ a: 1 }, {}, "could not parse an object as a date"],
    ["2024-03-10", { timeZone: "Mars/Olympus" }, 'unknown time zone "Mars/Olympus"'],
  ])("%j %j fails with %s", (input, params, message) => {
    expect(() => run("date.parse", input, params)).toThrow(message);
  });
});

describe("date.format", () => {
  it.each([
    ["2024-03-10T14:30:00Z", { format: "YYYY-MM-DD HH:mm" }, "2024-03-10 14:30"],
    ["2024-03-10T14:30:00Z", {}, "2024-03-10T14:30:00+00:00"],
    // Same UTC hour on either side of the spring-forward change: offset -05:00 then -04:00.
    ["2024-03-10T06:59:00Z", { timeZone: "America/New_York" }, "2024-03-10T01:59:00-05:00"],
    ["2024-03-10T07:00:00Z", { timeZone: "America/New_York" }, "2024-03-10T03:00:00-04:00"],
    ["2024-11-03T05:30:00Z", { timeZone: "America/New_York", format: "h:mm A ZZ" }, "1:30 AM -0400"],
    ["2024-11-03T06:30:00Z", { timeZone: "America/New_York", format: "h:mm A ZZ" }, "1:30 AM -0500"],
    ["2024-03-10T14:30:00Z", { timeZone: "Asia/Kolkata", format: "HH:mm Z" }, "20:00 +05:30"],
    ["2024-03-10T14:30:00Z", { format: "long" }, "Sunday, March 10, 2024"],
    ["2024-03-10T14:30:00Z", { format: "us_datetime", timeZone: "America/Los_Angeles" }, "03/10/2024 7:30 AM"],
    ["2024-03-10T14:30:00.045Z", { format: "ddd D MMM YY [at] hh:mm:ss.SSS a" }, "Sun 10 Mar 24 at 02:30:00.045 pm"],
    ["03/10/2024", { format: "date", inputFormat: "DD/MM/YYYY" }, "2024-10-03"],
    [1710081000, { format: "eu_date", timeZone: "Pacific/Auckland" }, "11/03/2024"],
    ["2024-12-31T23:30:00", { format: "YYYY-MM-DD HH:mm", timeZone: "Europe/London" }, "2024-12-31 23:30"],
  ])("%j %j → %s", (input, params, expected) => {
    expect(run("date.format", input, params)).toBe(expected);
  });

  it("rejects unknown zones and unreadable dates", () => {
    expect(() => run("date.format", "2024-03-10", { timeZone: "Nowhere/City" })).toThrow('unknown time zone "Nowhere/City"');
    expect(() => run("date.format", "tomorrow")).toThrow('could not parse "tomorrow" as a date');
  });
});
