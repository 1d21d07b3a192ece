import { describe, expect, it } from "vitest";
import { groupCommit } from "./group-commit";

describe("groupCommit", () => {
  it("batches callers that arrive together, within maxBatch and maxInFlight, answering each its own result", async () => {
    const batches: number[][] = [];
    let inFlight = 0;
    let maxSeen = 0;
    const submit = groupCommit<number, string>({
      maxBatch: 4,
      maxInFlight: 2,
      write: async (items) => {
        batches.push(items);
        maxSeen = Math.max(maxSeen, ++inFlight);
        await new Promise((r) => setTimeout(r, 5));
        inFlight--;
        return items.map((i) => `r${i}`);
      },
    });
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => submit(i)));
    expect(results).toEqual(Array.from({ length: 10 }, (_, i) => `r${i}`));
    expect(batches).toEqual([[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]]);
    expect(maxSeen).toBe(2);
  });

  it("retries a failed batch item by item, so only the refused item fails", async () => {
    const writes: number[][] = [];
    const submit = groupCommit<number, number>({
      maxBatch: 10,
      maxInFlight: 1,
      write: async (items) => {
        writes.push(items);
        if (items.includes(2)) throw new Error("refused 2");
        return items.map((i) => i * 10);
      },
    });
    const settled = await Promise.allSettled([1, 2, 3].map(submit));
    expect(settled).toEqual([
      { status: "fulfilled", value: 10 },
      { status: "rejected", reason: new Error("refused 2") },
      { status: "fulfilled", value: 30 },
    ]);
    expect(writes).toEqual([[1, 2, 3], [1], [2], [3]]);
  });
});
