import { describe, expect, it } from "vitest";
import { literal, ref } from "../mapping/schema";
import { conditionSchema, evaluateCondition, traceCondition, type ConditionClause, type ConditionOperator } from "./condition";

const scope = {
  trigger: {
    email: "Jane@Example.com",
    tags: ["vip", "wedding"],
    count: 12,
    amount: "1200",
    blank: "  ",
    none: null,
    subscribed: "yes",
    optedOut: "off",
    due: "2024-03-10T10:00:00Z",
    meta: {},
  },
};

const clause = (op: ConditionOperator, left: string, right?: unknown, ignoreCase?: boolean): ConditionClause => ({
  left: ref("trigger", left),
  op,
  ...(right === undefined ? {} : { right: literal(right) }),
  ...(ignoreCase === undefined ? {} : { ignoreCase }),
});

describe("evaluateCondition: every operator", () => {
  it.each<[ConditionOperator, string, unknown, boolean | undefined, boolean]>([
    ["equals", "email", "Jane@Example.com", undefined, true],
    ["equals", "email", "jane@example.com", undefined, false],
    ["equals", "email", "jane@example.com", true, true],
    ["equals", "count", "12", undefined, true],
    ["equals", "amount", 1200, undefined, true],
    ["equals", "subscribed", true, undefined, true],
    ["equals", "tags", ["vip", "wedding"], undefined, true],
    ["equals", "missing", "", undefined, true],
    ["not_equals", "email", "x", undefined, true],
    ["not_equals", "count", 12, undefined, false],
    ["contains", "email", "example", undefined, false],
    ["contains", "email", "example", true, true],
    ["contains", "tags", "vip", undefined, true],
    ["contains", "tags", "VIP", true, true],
    ["contains", "tags", "vi", undefined, false],
    ["not_contains", "tags", "repeat", undefined, true],
    ["not_contains", "email", "Jane", undefined, false],
    ["starts_with", "email", "Jane", undefined, true],
    ["starts_with", "email", "jane", true, true],
    ["ends_with", "email", ".com", undefined, true],
    ["ends_with", "email", ".org", undefined, false],
    ["is_empty", "blank", undefined, undefined, true],
    ["is_empty", "none", undefined, undefined, true],
    ["is_empty", "missing", undefined, undefined, true],
    ["is_empty", "meta", undefined, undefined, true],
    ["is_empty", "tags", undefined, undefined, false],
    ["is_not_empty", "email", undefined, undefined, true],
    ["is_not_empty", "missing", undefined, undefined, false],
    ["greater_than", "count", 5, undefined, true],
    ["greater_than", "amount", "999", undefined, true],
    ["greater_than", "due", "2024-03-09", undefined, true],
    ["greater_than", "email", 5, undefined, false],
    ["less_than", "count", "100", undefined, true],
    ["less_than", "due", "2024-03-09T00:00:00Z", undefined, false],
    ["less_than", "missing", 5, undefined, false],
    ["matches_regex", "email", "^[^@]+@example\\.com$", undefined, false],
    ["matches_regex", "email", "^[^@]+@example\\.com$", true, true],
    ["is_true", "subscribed", undefined, undefined, true],
    ["is_true", "optedOut", undefined, undefined, false],
    ["is_false", "optedOut", undefined, undefined, true],
    ["is_false", "missing", undefined, undefined, false],
  ])("%s(@trigger.%s, %j, ignoreCase=%s) → %s", async (op, left, right, ignoreCase, expected) => {
    expect(await evaluateCondition({ all: [clause(op, left, right, ignoreCase)] }, scope)).toBe(expected);
  });

  it("names an invalid regular expression", async () => {
    await expect(evaluateCondition({ all: [clause("matches_regex", "email", "([")] }, scope)).rejects.toThrow(
      '"([" is not a valid regular expression',
    );
  });
});

describe("groups", () => {
  const yes = clause("is_not_empty", "email");
  const no = clause("is_empty", "email");
  it.each([
    [{ all: [yes, yes] }, true],
    [{ all: [yes, no] }, false],
    [{ any: [no, yes] }, true],
    [{ any: [no, no] }, false],
    [{ all: [] }, true],
    [{ any: [] }, false],
    [{ any: [no, { all: [yes, yes] }] }, true],
    [{ all: [yes, { any: [no, no] }] }, false],
  ])("%j → %s", async (condition, expected) => {
    expect(await evaluateCondition(conditionSchema.parse(condition), scope)).toBe(expected);
  });

  it("traces clause values for the run view", async () => {
    const trace = await traceCondition({ all: [clause("greater_than", "count", 5)] }, scope);
    expect(trace).toEqual({ result: true, clauses: [{ op: "greater_than", left: 12, right: 5, result: true }] });
  });

  it("rejects a group with both all and any", () => {
    expect(conditionSchema.safeParse({ all: [], any: [] }).success).toBe(false);
  });
});
