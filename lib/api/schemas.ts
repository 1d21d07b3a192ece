/**
 * Every /api/v1 request and response shape, once. Route handlers validate with these and
 * `openapi.ts` documents them, so the docs cannot drift from what the server accepts.
 */
import { z } from "zod";
import { maxConcurrentRunsField, workflowDescriptionField, workflowNameField } from "@/lib/engine/limits";
import { REPLAY_MODES } from "@/lib/engine/run/replay";
import { RUN_STATUSES } from "@/lib/engine/run/statuses";

const id = (what: string) => z.string().describe(`${what} id (UUID)`);
const timestamp = (what: string) => z.string().describe(`${what} (ISO 8601)`);

// ─── Shared ────────────────────────────────────────────────────────────────────────────

export const errorSchema = z
  .object({
    error: z.object({
      code: z.string().describe("Stable machine-readable code, e.g. not_found, validation_failed, conflict"),
      message: z.string().describe("What went wrong, for people"),
      details: z.unknown().optional().describe("Field-level issues for 422 responses"),
    }),
  })
  .meta({ id: "Error" });

export const okSchema = z.object({ ok: z.literal(true) });

export const idParams = z.object({ id: z.string().describe("The resource id") });
export const keyParams = z.object({ key: z.string().describe("Catalog key, e.g. ghl.contact.upsert") });
export const templateKeyParams = z.object({ key: z.string().describe("Template key, e.g. contact-to-client") });

// ─── Workflows ─────────────────────────────────────────────────────────────────────────

const graph = z.record(z.string(), z.unknown()).describe("Workflow graph: { schemaVersion: 1, nodes, edges } (see export)");

export const workflowSummarySchema = z
  .object({
    id: id("Workflow"),
    name: z.string(),
    description: z.string().nullable(),
    status: z.enum(["draft", "published", "paused"]).describe("draft: never published; published: live; paused: published but not running"),
    pausedReason: z.string().nullable(),
    publishedVersion: z.number().int().nullable().describe("Number of the live version"),
    maxConcurrentRuns: maxConcurrentRunsField,
    draftUpdatedAt: timestamp("Last draft save"),
    createdAt: timestamp("Created"),
    updatedAt: timestamp("Last change"),
    lastRun: z.object({ id: id("Run"), status: z.enum(RUN_STATUSES), createdAt: timestamp("Started") }).nullable(),
  })
  .meta({ id: "WorkflowSummary" });

export const workflowSchema = workflowSummarySchema.extend({ draftGraph: graph }).meta({ id: "Workflow" });

export const workflowListSchema = z.object({ data: z.array(workflowSummarySchema) });

/** Either `{ name, description?, graph? }` or `{ template, name? }` — one shape, so mixed bodies get a clear message. */
export const createWorkflowBody = z
  .object({
    name: workflowNameField.optional().describe("Required unless template is given; overrides the template's name"),
    description: workflowDescriptionField.nullish(),
    graph: graph.optional().describe("Starting draft graph; empty when omitted"),
    template: z.string().min(1).optional().describe("Template key to install instead of a graph, e.g. contact-to-client"),
  })
  .superRefine((body, ctx) => {
    if (!body.template && body.name === undefined) ctx.addIssue({ code: "custom", path: ["name"], message: "Give the workflow a name (or a template key)" });
    if (body.template && body.graph !== undefined) ctx.addIssue({ code: "custom", path: ["graph"], message: "Send either a template or a graph, not both" });
  })
  .transform((body) =>
    body.template
      ? { from: "template" as const, template: body.template, name: body.name }
      : { from: "graph" as const, name: body.name ?? "", description: body.description, graph: body.graph },
  );

export const updateWorkflowBody = z
  .object({
    name: workflowNameField.optional(),
    description: workflowDescriptionField.nullable().optional(),
    graph: graph.optional().describe("Replaces the draft graph"),
    maxConcurrentRuns: maxConcurrentRunsField.optional(),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), {
    message: "Send at least one of name, description, graph, maxConcurrentRuns",
  });

export const workflowExportBody = z
  .object({
    format: z.literal("bloombridge.workflow"),
    schemaVersion: z.number().int(),
    name: z.string().min(1),
    description: z.string().nullish(),
    graph,
  })
  .meta({ id: "WorkflowExport" });

/** An export file sent back in: the same name and description limits as creating a workflow. */
export const workflowImportBody = workflowExportBody
  .extend({ name: workflowNameField, description: workflowDescriptionField.nullish() })
  .meta({ id: "WorkflowImport" });

export const publishBody = z.object({ note: z.string().max(500).optional().describe("What changed, shown in the version list") });
export const pauseBody = z.object({ reason: z.string().max(500).optional() });
export const rollbackBody = z.object({ version: z.number().int().positive().describe("Version number to make live again") });

export const versionSchema = z.object({
  id: id("Version"),
  version: z.number().int(),
  triggerKey: z.string(),
  note: z.string().nullable(),
  live: z.boolean().describe("Whether this is the published version"),
  createdAt: timestamp("Published"),
});
export const versionListSchema = z.object({ data: z.array(versionSchema) });

export const manualRunBody = z.object({
  payload: z.record(z.string(), z.unknown()).optional().describe("Trigger payload; the trigger's sample when omitted. Validated against the trigger's payload schema"),
  subject: z.object({ id: z.string().optional(), email: z.string().optional(), name: z.string().optional() }).optional().describe("Who the run concerns, for run search"),
  dedupeKey: z.string().min(1).max(200).optional().describe("Send the same key again to get the same event instead of a second run"),
});
export const manualRunResponse = z.object({
  eventId: id("Trigger event"),
  runId: id("Run").nullable().describe("The run started for the event; null when the event was a duplicate"),
  duplicate: z.boolean(),
});

// ─── Runs ──────────────────────────────────────────────────────────────────────────────

const runFilterFields = {
  workflowId: z.guid("workflowId must be a workflow id (UUID)").optional(),
  status: z.enum(RUN_STATUSES).optional(),
  from: z.iso.datetime({ offset: true }).optional().describe("Created at or after (ISO 8601)"),
  to: z.iso.datetime({ offset: true }).optional().describe("Created at or before (ISO 8601)"),
  delivery: z.enum(["webhook", "polling", "manual", "schedule", "backfill", "replay"]).optional(),
  contact: z.string().optional().describe("Contact id or email"),
};

export const listRunsQuery = z.object({
  ...runFilterFields,
  cursor: z.string().optional().describe("nextCursor from the previous page"),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

export const stepSchema = z.object({
  id: id("Step"),
  nodeId: z.string(),
  stepKey: z.string().describe("nodeId, or nodeId#<loop index path> inside loops"),
  status: z.string(),
  input: z.unknown(),
  output: z.unknown(),
  error: z.unknown(),
  calls: z.unknown().describe("API calls made by the step: method, path, status, duration"),
  attempt: z.number().int(),
  truncated: z.boolean(),
  startedAt: timestamp("Started"),
  finishedAt: timestamp("Finished").nullable(),
  durationMs: z.number().int().nullable(),
});

export const runSummarySchema = z
  .object({
    id: id("Run"),
    workflowId: id("Workflow"),
    workflowVersionId: id("Workflow version"),
    eventId: id("Trigger event"),
    status: z.enum(RUN_STATUSES),
    triggerKey: z.string(),
    delivery: z.string(),
    subject: z.object({ id: z.string().nullable(), email: z.string().nullable(), name: z.string().nullable() }),
    error: z.unknown(),
    attempts: z.number().int(),
    replayOfId: z.string().nullable(),
    replayMode: z.string().nullable(),
    resolvedById: z.string().nullable().describe("A failed run a later replay fixed: that replay's id"),
    createdAt: timestamp("Created"),
    startedAt: timestamp("Started").nullable(),
    finishedAt: timestamp("Finished").nullable(),
  })
  .meta({ id: "RunSummary" });

export const runSchema = runSummarySchema.extend({ steps: z.array(stepSchema) }).meta({ id: "Run" });
export const runPageSchema = z.object({ data: z.array(runSummarySchema), nextCursor: z.string().nullable() });

export const replayBody = z.object({ mode: z.enum(REPLAY_MODES).default("from_start") });
export const replayResponse = z.object({ runId: id("New run") });
export const bulkReplayBody = z.object({
  filter: z
    .object(runFilterFields)
    .refine((filter) => Object.values(filter).some((value) => value !== undefined), { message: "Give at least one filter so a bulk replay cannot replay every run by accident" }),
  mode: z.enum(REPLAY_MODES),
  limit: z.number().int().min(1).max(500).default(100),
  includeResolved: z.boolean().default(false).describe("Also replay failed runs that a later replay already fixed"),
});
export const bulkReplayResponse = z.object({ count: z.number().int(), runIds: z.array(z.string()) });
export const cancelResponse = z.object({ id: id("Run"), status: z.literal("cancelled") });

// ─── Catalog ───────────────────────────────────────────────────────────────────────────

const jsonSchema = z.record(z.string(), z.unknown()).describe("JSON Schema (draft 2020-12)");

export const catalogEntrySchema = z
  .object({
    key: z.string(),
    kind: z.enum(["trigger", "action", "logic"]),
    connector: z.string(),
    resource: z.string(),
    label: z.string(),
    description: z.string(),
    scopes: z.array(z.string()),
    deprecated: z.object({ reason: z.string(), useInstead: z.string().optional() }).optional(),
    delivery: z.enum(["webhook", "polling"]).optional(),
    effect: z.enum(["read", "write"]).optional().describe("Actions: whether running it changes data"),
    system: z.string().optional().describe("Actions: the system it reads or writes"),
    inputSchema: jsonSchema,
    outputSchema: jsonSchema,
    example: z.object({ input: z.unknown().optional(), output: z.unknown().optional() }).optional(),
  })
  .meta({ id: "CatalogEntry" });

export const catalogQuery = z.object({
  kind: z.enum(["trigger", "action", "logic"]).optional(),
  connector: z.string().optional(),
  q: z.string().optional().describe("Matches key, label and description"),
});
export const catalogListSchema = z.object({ data: z.array(catalogEntrySchema) });

// ─── Meta ──────────────────────────────────────────────────────────────────────────────

export const meResponse = z.object({
  kind: z.enum(["user", "api_key"]),
  id: z.string(),
  name: z.string(),
  role: z.enum(["viewer", "editor", "admin"]),
});

export const openApiDocument = z.record(z.string(), z.unknown()).describe("OpenAPI 3.1 document");

export const templateSchema = z.object({
  key: z.string().describe("Install it with POST /templates/{key}/install"),
  name: z.string(),
  description: z.string(),
  trigger: z.string().describe("Catalog key of the trigger"),
  actions: z.array(z.string()).describe("Catalog keys of the actions, in the order they run"),
  connectors: z.array(z.string()).describe("Systems it needs a connection to, e.g. ghl and details-flowers"),
});
export const templateListSchema = z.object({ data: z.array(templateSchema) });
export const installTemplateBody = z.object({
  name: workflowNameField.optional().describe("Defaults to the template's name"),
  connections: z
    .record(z.string(), z.string().min(1))
    .optional()
    .describe("Connection id per connector key (ghl, details-flowers); the oldest active connection of each is used otherwise"),
});
