/**
 * Auto-layout with ELK's layered algorithm, left → right. Output handles become ordered
 * ports so "true" stays above "false" and "each" above "done". ELK (~1.5 MB) is loaded on
 * first use only.
 */
import type { ElkNode } from "elkjs/lib/elk-api";
import { outputHandles, type WorkflowGraph } from "@/lib/engine/graph";

export const DEFAULT_NODE_SIZE = { width: 240, height: 76 };

type Size = { width: number; height: number };

export function elkGraphOf(graph: WorkflowGraph, sizes: ReadonlyMap<string, Size>): ElkNode {
  return {
    id: "root",
    layoutOptions: {
      "elk.algorithm": "layered",
      "elk.direction": "RIGHT",
      "elk.layered.spacing.nodeNodeBetweenLayers": "90",
      "elk.spacing.nodeNode": "48",
      "elk.layered.nodePlacement.strategy": "BRANDES_KOEPF",
      "elk.layered.considerModelOrder.strategy": "NODES_AND_EDGES",
    },
    children: graph.nodes.map((node) => {
      const size = sizes.get(node.id) ?? DEFAULT_NODE_SIZE;
      const handles = outputHandles(node);
      return {
        id: node.id,
        width: size.width,
        height: size.height,
        layoutOptions: { "elk.portConstraints": "FIXED_ORDER" },
        ports: [
          // FIXED_ORDER counts clockwise from the top-left: east ports top → bottom, then west.
          { id: `${node.id}::in`, layoutOptions: { "elk.port.side": "WEST", "elk.port.index": String(handles.length) } },
          ...handles.map((h, i) => ({ id: `${node.id}::${h}`, layoutOptions: { "elk.port.side": "EAST", "elk.port.index": String(i) } })),
        ],
      };
    }),
    edges: graph.edges.map((edge) => ({
      id: edge.id,
      sources: [`${edge.source}::${edge.sourceHandle ?? "out"}`],
      targets: [`${edge.target}::in`],
    })),
  };
}

/** New positions for every node (top-left corners, as React Flow stores them). */
export async function autoLayout(graph: WorkflowGraph, sizes: ReadonlyMap<string, Size>): Promise<Map<string, { x: number; y: number }>> {
  const { default: ELK } = await import("elkjs/lib/elk.bundled.js");
  const elk = new ELK();
  const laidOut = await elk.layout(elkGraphOf(graph, sizes));
  const positions = new Map<string, { x: number; y: number }>();
  for (const child of laidOut.children ?? []) positions.set(child.id, { x: Math.round(child.x ?? 0), y: Math.round(child.y ?? 0) });
  return positions;
}
