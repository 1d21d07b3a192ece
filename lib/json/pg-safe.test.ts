import { describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { MAX_JSON_DEPTH, REPLACEMENT_CHARACTER as R, TRUNCATED_MARKER, describeProblem, toPgSafeJson } from "./pg-safe";

const nested = (depth: number, leaf: unknown = "leaf"): unknown => {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
};
const depthOf = (value: unknown): number => {
  let depth = 0;
  for (let at = value; at && typeof at === "object"; at = (at as { a: unknown }).a) depth++;
  return depth;
};

describe("toPgSafeJson", () => {
  it("leaves clean JSON as it is", () => {
    const input = { a: [1, "two", { three: true, four: null }], "emoji 🌷": "ok 🌷", empty: "" };
    expect(toPgSafeJson(input)).toEqual({ value: input, replaced: 0, truncated: 0, problems: [] });
  });

  it("replaces NUL and lone surrogates visibly, in values and keys, and says where", () => {
    const input = JSON.parse('{"firstName":"Nul\\u0000Byte","tags":["ok","\\ud800x","\\udc00"],"k\\u0000ey":1,"pair":"\\ud83c\\udf37"}');
    const safe = toPgSafeJson(input);
    expect(safe.value).toEqual({ firstName: `Nul${R}Byte`, tags: ["ok", `${R}x`, R], [`k${R}ey`]: 1, pair: "🌷" });
    expect(safe.replaced).toBe(4);
    // An object's keys are checked before its values.
    expect(safe.problems).toEqual([
      { path: [`k${R}ey`], kind: "nul", inKey: true },
      { path: ["firstName"], kind: "nul", inKey: false },
      { path: ["tags", 1], kind: "lone_surrogate", inKey: false },
      { path: ["tags", 2], kind: "lone_surrogate", inKey: false },
    ]);
    expect(describeProblem(safe.problems[0])).toEqual({ field: `k${R}ey`, message: expect.stringMatching(/^The key contains a NUL character/) });
  });

  it("keeps a key that only differs by the replaced character, and a __proto__ key as data", () => {
    const safe = toPgSafeJson(JSON.parse(`{"a\\u0000":1,"a${R}":2,"__proto__":{"polluted":true}}`));
    expect(safe.value).toEqual({ [`a${R}${R}`]: 1, [`a${R}`]: 2, ["__proto__"]: { polluted: true } });
    expect(Object.getPrototypeOf(safe.value)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("cuts a 5,000-deep document at the limit, without overflowing the stack", () => {
    const deep = JSON.parse(`${"[".repeat(5000)}1${"]".repeat(5000)}`);
    const safe = toPgSafeJson(deep);
    expect(safe.truncated).toBe(1);
    expect(safe.problems[0]).toMatchObject({ kind: "too_deep" });
    expect(safe.problems[0].path).toHaveLength(MAX_JSON_DEPTH);
    let at: unknown = safe.value;
    let depth = 0;
    while (Array.isArray(at)) [at, depth] = [at[0], depth + 1];
    expect([depth, at]).toEqual([MAX_JSON_DEPTH, TRUNCATED_MARKER]);
    expect(depthOf(toPgSafeJson(nested(MAX_JSON_DEPTH)).value)).toBe(MAX_JSON_DEPTH);
  });

  it("makes anything PostgreSQL jsonb refused (or JSON.stringify overflowed on) storable", async () => {
    const deep = `${"[".repeat(5000)}1${"]".repeat(5000)}`;
    const input = JSON.parse(`{"n\\u0000":"a\\u0000b","s":"\\ud800","deep":${deep}}`);
    for (const bad of ['{"n\\u0000":1}', '{"s":"a\\u0000b"}', '{"s":"\\ud800"}']) {
      await expect(db().$queryRawUnsafe("SELECT $1::jsonb AS v", bad)).rejects.toThrow();
    }
    const rows = await db().$queryRawUnsafe<{ v: Record<string, unknown> }[]>("SELECT $1::jsonb AS v", JSON.stringify(toPgSafeJson(input).value));
    expect(rows[0].v).toMatchObject({ [`n${R}`]: `a${R}b`, s: R });
    await disconnectDb();
  });
});
