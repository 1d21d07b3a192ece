/**
 * The data the workflow editor is handed by its page. Everything here is JSON-serialisable
 * so a server component can pass it straight through.
 */
import type { JsonSchema, WorkflowGraph } from "@/lib/engine/graph";

export type CatalogKind = "trigger" | "action" | "logic";

/** Known connectors; `connector` stays a string so server entries with a new one still render. */
export type KnownConnector = "ghl" | "details-flowers" | "webhook" | "logic";

/**
 * One trigger, action or logic node. Structurally a subset of `lib/engine/catalog.ts`'s
 * entry, so the server list can be passed as is (its `example.output` is read as the sample).
 */
export type CatalogEntry = {
  key: string;
  kind: CatalogKind;
  connector: KnownConnector | (string & {});
  resource: string;
  label: string;
  description: string;
  deprecated?: { reason: string; useInstead?: string };
  /** Actions: whether running it changes data, and in which system. */
  effect?: "read" | "write";
  system?: string;
  /** `z.toJSONSchema(op.input)`; empty for triggers. */
  inputSchema: JsonSchema;
  /** `z.toJSONSchema(op.output)` or a trigger's payload. */
  outputSchema: JsonSchema;
  /** Example output (trigger payload or step result), used until a real test ran. */
  sample?: unknown;
  example?: { input?: unknown; output?: unknown };
  /** A lean entry: schemas and example were left out; `loadCatalogEntries` gives the full one. */
  schemasOmitted?: true;
};

export type ConnectionSummary = { id: string; provider: string; label: string; status: string };

/** Last run status of one step, shown on its node. */
export type NodeRunStatus = "idle" | "running" | "succeeded" | "failed" | "skipped" | "waiting" | (string & {});

export type SaveState = "saved" | "unsaved" | "saving" | "failed";

export type TestStepResult = { output?: unknown; error?: string };

/** `cancelled`: the user backed out of the page's confirmation; nothing to report. */
export type PublishResult = { ok: true; message?: string } | { cancelled: true } | { errors: { message: string; nodeId?: string }[] | string[] };

export type WorkflowEditorProps = {
  initialGraph: WorkflowGraph;
  catalog: CatalogEntry[];
  connections: ConnectionSummary[];
  /** Trigger sample and last step outputs, by node id. */
  samples: Record<string, unknown>;
  /** Autosave target; called ~800 ms after the last edit. */
  onSave: (graph: WorkflowGraph) => Promise<void>;
  onPublish?: () => Promise<PublishResult>;
  /** Runs one step for real; `samples` are the outputs its mappings may read, by node id. */
  onTestStep?: (nodeId: string, graph: WorkflowGraph, samples: Record<string, unknown>) => Promise<TestStepResult>;
  /** Finds a sample for the trigger of `graph` (the editor's current, maybe unsaved, graph). */
  onTestTrigger?: (graph: WorkflowGraph) => Promise<{ sample: unknown; message?: string }>;
  /** Full entries for lean ones, called when a step of such a kind is in the graph. */
  loadCatalogEntries?: (keys: string[]) => Promise<CatalogEntry[]>;
  readOnly?: boolean;
  runStatus?: Record<string, NodeRunStatus>;
};
