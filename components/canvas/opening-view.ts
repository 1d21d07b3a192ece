/**
 * Where the editor opens. Fitting a big workflow whole zooms out until every step is on
 * screen, so React Flow keeps all of them rendered and virtualization saves nothing (and
 * the cards are unreadable anyway); a big workflow opens on its start instead.
 */
import type { GraphNode } from "@/lib/engine/graph";

/** Steps shown when a big workflow opens: the start node and its nearest neighbours on the canvas. */
export const OPENING_STEPS = 12;

const FIT = { padding: 0.2, maxZoom: 1.2 } as const;

export type OpeningFit = { padding: number; maxZoom: number; nodes?: { id: string }[] };

export function openingFit(nodes: readonly GraphNode[], bigAbove: number): OpeningFit {
  if (nodes.length <= bigAbove) return FIT;
  const start = nodes.find((n) => n.kind === "trigger") ?? nodes[0];
  const distance = (n: GraphNode) => Math.hypot(n.position.x - start.position.x, n.position.y - start.position.y);
  const nearest = [...nodes].sort((a, b) => distance(a) - distance(b)).slice(0, OPENING_STEPS);
  return { ...FIT, nodes: nearest.map((n) => ({ id: n.id })) };
}
