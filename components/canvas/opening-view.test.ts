import { describe, expect, it } from "vitest";
import type { GraphNode } from "@/lib/engine/graph";
import { OPENING_STEPS, openingFit } from "./opening-view";

const step = (id: string, x: number, y: number): GraphNode => ({ id, kind: "delay", label: id, position: { x, y }, mode: "duration", amount: 1, unit: "minutes" });

describe("openingFit", () => {
  it("fits a small workflow whole", () => {
    const nodes = [step("a", 0, 0), step("b", 300, 0)];
    expect(openingFit(nodes, 150).nodes).toBeUndefined();
  });

  it("opens a big workflow on its trigger and the steps nearest to it", () => {
    const nodes = Array.from({ length: 200 }, (_, i) => step(`s${i}`, (i % 20) * 320, Math.floor(i / 20) * 180));
    const trigger: GraphNode = { id: "start", kind: "trigger", label: "start", position: { x: 2000, y: 900 }, triggerKey: "ghl.contact.created" };
    const fit = openingFit([...nodes, trigger], 150);
    const ids = fit.nodes?.map((n) => n.id) ?? [];
    expect(ids).toHaveLength(OPENING_STEPS);
    expect(ids[0]).toBe("start");
    // Steps 3 columns or 3 rows away from the trigger (at column 6.25, row 5) are not in the first view.
    expect(ids).not.toContain("s0");
    expect(ids).toContain("s106");
  });
});
