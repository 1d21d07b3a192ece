/** Upgrades saved graphs to the current format, one version step at a time. */
import { GRAPH_SCHEMA_VERSION, workflowGraphSchema, type WorkflowGraph } from "./schema";

export class GraphFormatError extends Error {
  constructor(
    message: string,
    readonly issues: { path: string; message: string }[] = [],
  ) {
    super(message);
    this.name = "GraphFormatError";
  }
}

/** `from` → `from + 1`. Empty while v1 is the only format; add an entry per new version. */
const MIGRATIONS: Record<number, (graph: Record<string, unknown>) => Record<string, unknown>> = {};

export function migrateGraph(input: unknown): WorkflowGraph {
  if (input === null || typeof input !== "object" || Array.isArray(input)) {
    throw new GraphFormatError("A workflow graph must be an object with schemaVersion, nodes and edges");
  }
  let graph = input as Record<string, unknown>;
  const version = graph.schemaVersion;
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1) {
    throw new GraphFormatError(`Unknown workflow format: schemaVersion is ${JSON.stringify(version)}, expected a whole number from 1`);
  }
  if (version > GRAPH_SCHEMA_VERSION) {
    throw new GraphFormatError(
      `This workflow was saved in format v${version}, newer than this server understands (up to v${GRAPH_SCHEMA_VERSION}). Update Bloombridge to open it.`,
    );
  }
  for (let v = version; v < GRAPH_SCHEMA_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) throw new GraphFormatError(`No upgrade from workflow format v${v} to v${v + 1}`);
    graph = { ...step(graph), schemaVersion: v + 1 };
  }
  const parsed = workflowGraphSchema.safeParse(graph);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
    throw new GraphFormatError(`The workflow graph is malformed: ${issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`, issues);
  }
  return parsed.data;
}
