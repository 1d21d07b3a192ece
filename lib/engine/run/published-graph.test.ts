/** The per-worker cache of published graphs, on the real database. */
import { afterAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { createWorkflow, publishWorkflow } from "@/lib/db/workflows";
import { createPublishedGraphCache } from "./published-graph";

afterAll(async () => {
  await disconnectDb();
});

const filterOn = (tag: string) => ({
  schemaVersion: 1,
  nodes: [
    { id: "trigger", kind: "trigger", label: "New contact", position: { x: 0, y: 0 }, triggerKey: "ghl.contact.created" },
    {
      id: "only",
      kind: "filter",
      label: `Only ${tag}`,
      position: { x: 200, y: 0 },
      condition: { all: [{ left: { kind: "ref", node: "trigger", path: "tags" }, op: "contains", right: { kind: "literal", value: tag } }] },
    },
  ],
  edges: [{ id: "e1", source: "trigger", target: "only" }],
});

async function publishedVersionId(tag: string): Promise<string> {
  const workflow = await createWorkflow({ name: `cache ${tag} ${crypto.randomUUID().slice(0, 6)}`, graph: filterOn(tag) });
  await publishWorkflow(workflow.id);
  const { publishedVersionId } = await db().workflow.findUniqueOrThrow({ where: { id: workflow.id }, select: { publishedVersionId: true } });
  if (!publishedVersionId) throw new Error("publishing left no version");
  return publishedVersionId;
}

const labelOf = (graph: { graph: { nodes: readonly { id: string; label: string }[] } }) => graph.graph.nodes.find((n) => n.id === "only")?.label;

describe("published graph cache", () => {
  it("parses a version once and serves every later run the same graph", async () => {
    const cache = createPublishedGraphCache();
    const id = await publishedVersionId("vip");
    const first = await cache.get(id);
    const again = await cache.get(id);
    expect(again).toBe(first);
    expect(first.trigger?.id).toBe("trigger");
    expect(first.order).toEqual(["trigger", "only"]);
    expect(cache.size).toBe(1);
  });

  it("never serves one version's graph for another", async () => {
    const cache = createPublishedGraphCache();
    const vip = await publishedVersionId("vip");
    const gold = await publishedVersionId("gold");
    expect(labelOf(await cache.get(vip))).toBe("Only vip");
    expect(labelOf(await cache.get(gold))).toBe("Only gold");
    expect(labelOf(await cache.get(vip))).toBe("Only vip");
  });

  it("keeps at most its limit, dropping the least recently used version", async () => {
    const cache = createPublishedGraphCache(2);
    const [a, b, c] = [await publishedVersionId("a"), await publishedVersionId("b"), await publishedVersionId("c")];
    const firstA = await cache.get(a);
    const firstB = await cache.get(b);
    expect(await cache.get(a)).toBe(firstA); // a is now the most recently used
    await cache.get(c); // evicts b
    expect(cache.size).toBe(2);
    expect(await cache.get(a)).toBe(firstA);
    const secondB = await cache.get(b);
    expect(secondB).not.toBe(firstB);
    expect(labelOf(secondB)).toBe("Only b");
  });

  it("hands out a frozen graph, so no run can change what the next one sees", async () => {
    const cache = createPublishedGraphCache();
    const { graph } = await cache.get(await publishedVersionId("frozen"));
    expect(Object.isFrozen(graph)).toBe(true);
    expect(Object.isFrozen(graph.nodes[1])).toBe(true);
    expect(() => {
      (graph.nodes as unknown as unknown[]).push({});
    }).toThrow(TypeError);
  });
});
