/**
 * What canvas nodes and edges read besides their own props. The value is created once
 * per editor, so reading it never re-renders a node; changing values come from the stores.
 */
import { createContext, useContext } from "react";
import type { JsonGraphCatalog } from "./json-catalog";
import type { KeyedStore } from "./keyed-store";
import type { NodeRunStatus } from "./types";

export type NodeIssueSummary = { errors: string[]; warnings: string[] };

export type CanvasServices = {
  catalog: JsonGraphCatalog;
  runStatus: KeyedStore<NodeRunStatus>;
  issues: KeyedStore<NodeIssueSummary>;
  readOnly: boolean;
  /** The "+" on an edge: remember the edge and open the palette to pick a step. */
  requestInsertOnEdge(edgeId: string): void;
};

export const CanvasServicesContext = createContext<CanvasServices | null>(null);

export function useCanvasServices(): CanvasServices {
  const services = useContext(CanvasServicesContext);
  if (!services) throw new Error("useCanvasServices must be used inside the workflow editor");
  return services;
}

export function sameIssues(a: NodeIssueSummary, b: NodeIssueSummary): boolean {
  return a.errors.join("\n") === b.errors.join("\n") && a.warnings.join("\n") === b.warnings.join("\n");
}
