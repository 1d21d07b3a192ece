/** Finding 2 of issue 12: no expression can hold the process; ordinary mappings stay cheap. */
import jsonata from "jsonata";
import { describe, expect, it } from "vitest";
import { evaluateCondition } from "../graph/condition";
import { EXPRESSION_LIMITS, evaluateJsonataBounded } from "./bounded-jsonata";
import { evaluateMapping, resolveInputs } from "./evaluate";
import { MappingError } from "./errors";
import { literal, ref, type Mapping } from "./schema";

const jsonataMapping = (expression: string): Mapping => ({ kind: "jsonata", expression });
const RUNAWAY = "$sum($map([1..100000], function($v){ $sum($map([1..100000], function($w){ $w * 2 })) }))";

/** Runs `work` while a timer ticks every 10 ms; returns the longest the timer waited. */
async function longestStall(work: () => Promise<unknown>): Promise<{ stall: number; elapsed: number; error: unknown }> {
  let last = performance.now();
  let stall = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    stall = Math.max(stall, now - last);
    last = now;
  }, 10);
  const start = performance.now();
  const error = await work().then(() => null, (e: unknown) => e);
  const elapsed = performance.now() - start;
  clearInterval(timer);
  stall = Math.max(stall, performance.now() - last);
  return { stall, elapsed, error };
}

describe("bounded JSONata", () => {
  it("stops the mapping from the report at once, naming the list limit", async () => {
    const started = performance.now();
    const error = await evaluateMapping(jsonataMapping("{'x': $sum($map([1..10000000], function($v){$v*2}))}"), {}, { input: "body" }).catch((e: unknown) => e);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(error).toBeInstanceOf(MappingError);
    expect((error as Error).message).toMatch(/^Input "body": JSONata expression stopped: a list grew past 100,000 items/);
  });

  it("stops a CPU-bound expression at the budget, and the event loop keeps turning meanwhile", async () => {
    const { stall, elapsed, error } = await longestStall(() => evaluateMapping(jsonataMapping(RUNAWAY), {}, { input: "x" }));
    expect((error as Error).message).toMatch(/JSONata expression stopped: it ran longer than 1000 ms/);
    expect(elapsed).toBeLessThan(EXPRESSION_LIMITS.timeoutMs + 500);
    // A setTimeout (a health check, a webhook) waits a slice, not the whole evaluation.
    expect(stall).toBeLessThan(250);
  });

  it("a step's shorter timeoutMs stops it sooner", async () => {
    const started = performance.now();
    const { errors } = await resolveInputs({ total: jsonataMapping(RUNAWAY), name: literal("Ada") }, {}, { timeoutMs: 200 });
    expect(performance.now() - started).toBeLessThan(700);
    expect(errors.map((e) => e.message)).toEqual([expect.stringMatching(/^Input "total": JSONata expression stopped: it ran longer than 200 ms/)]);
  });

  it("caps depth, list size and result size", async () => {
    await expect(evaluateJsonataBounded("($f := function($n){ $f($n + 1) + 1 }; $f(0))", {})).rejects.toThrow(/nested deeper than 500 levels/);
    await expect(evaluateJsonataBounded("$count([1..100001])", {})).rejects.toThrow(/a list grew past 100,000 items/);
    await expect(evaluateJsonataBounded('$map([1..100000], function($v){ "twenty characters!!" })', {})).rejects.toThrow(/result is .* characters; at most 1,000,000/);
    await expect(evaluateJsonataBounded('$pad("", 2000000, "x")', {})).rejects.toThrow(/result is 2,000,000 characters/);
    expect(await evaluateJsonataBounded("$sum([1..100000])", {})).toBe(5_000_050_000);
  });

  it("bounds conditions too", async () => {
    const condition = { all: [{ left: jsonataMapping(RUNAWAY), op: "is_not_empty" as const }] };
    const { stall, error } = await longestStall(() => evaluateCondition(condition, {}));
    expect((error as Error).message).toMatch(/JSONata expression stopped/);
    expect(stall).toBeLessThan(250);
  });

  it("keeps ordinary mappings cheap: ref and literal never reach JSONata, simple expressions cost little more", async () => {
    const scope = { trigger: { contact: { firstName: "Ada", tags: ["a", "b"] } } };
    const inputs = { firstName: ref("trigger", "contact.firstName"), tag: ref("trigger", "contact.tags[1]"), source: literal("bloombridge") };
    const cpu = async (n: number, work: () => Promise<unknown>) => {
      for (let i = 0; i < 200; i++) await work();
      const start = process.cpuUsage();
      for (let i = 0; i < n; i++) await work();
      const used = process.cpuUsage(start);
      return (used.user + used.system) / n;
    };
    const perStep = await cpu(20_000, () => resolveInputs(inputs, scope));
    // Microseconds of CPU per step for three ref/literal inputs: no thread hop, no timer.
    expect(perStep).toBeLessThan(50);

    const plain = jsonata("trigger.contact.firstName & ' ' & $uppercase(trigger.contact.tags[0])");
    const raw = await cpu(2_000, () => plain.evaluate(scope));
    const bounded = await cpu(2_000, () => evaluateJsonataBounded("trigger.contact.firstName & ' ' & $uppercase(trigger.contact.tags[0])", scope));
    expect(bounded).toBeLessThan(raw * 2 + 20);
  });
});

describe("user regular expressions", () => {
  const evil = "(a+)+$";
  const subject = `${"a".repeat(32)}!`;

  it("refuses catastrophic patterns in JSONata and in conditions, instead of backtracking for minutes", async () => {
    const started = performance.now();
    const error = await evaluateMapping(jsonataMapping(`$match(s, /${evil}/)`), { s: subject }, { input: "x" }).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/JSONata expression stopped: The regular expression \/\(a\+\)\+\$\/ is not allowed/);
    const condition = { all: [{ left: literal(subject), op: "matches_regex" as const, right: literal(evil) }] };
    await expect(evaluateCondition(condition, {})).rejects.toThrow(/is not allowed: a repeated group contains a repetition/);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it("still runs ordinary patterns", async () => {
    expect(await evaluateJsonataBounded('$contains(s, /^[a-z]+@(example|test)\\.com$/i)', { s: "ada@example.com" })).toBe(true);
    const condition = { all: [{ left: literal("+1 (212) 555-0134"), op: "matches_regex" as const, right: literal("^\\+\\d+ \\(\\d{3}\\) \\d{3}-\\d{4}$") }] };
    expect(await evaluateCondition(condition, {})).toBe(true);
  });
});
