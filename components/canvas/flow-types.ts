/** Module-scope type maps: React Flow re-mounts every node if these objects change identity. */
import type { EdgeTypes, NodeTypes } from "@xyflow/react";
import { InsertableEdge } from "./edges/insertable-edge";
import { StepNode } from "./nodes/step-node";

export const nodeTypes: NodeTypes = { step: StepNode };
export const edgeTypes: EdgeTypes = { insertable: InsertableEdge };
