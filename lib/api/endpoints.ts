/** The /api/v1 surface as data: what openapi.json documents and the tests check route files against. */
import type { z } from "zod";
import type { Role } from "@/lib/auth/roles";
import * as b from "./backfill-schemas";
import * as s from "./schemas";

export type Endpoint = {
  method: "get" | "post" | "patch" | "delete";
  /** OpenAPI path template, e.g. `/workflows/{id}`. */
  path: string;
  operationId: string;
  tag: "Workflows" | "Runs" | "Backfills" | "Templates" | "Catalog" | "Meta";
  summary: string;
  role: Role | "public";
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  status: 200 | 201 | 202;
  response: z.ZodType;
  /** Error statuses worth documenting beyond 401/403/500. */
  errors?: (400 | 404 | 409 | 422)[];
};

const W = "Workflows" as const;
const R = "Runs" as const;
const B = "Backfills" as const;

export const ENDPOINTS: Endpoint[] = [
  { method: "get", path: "/me", operationId: "getMe", tag: "Meta", summary: "Who the API key belongs to and its role", role: "viewer", status: 200, response: s.meResponse },
  { method: "get", path: "/openapi.json", operationId: "getOpenApi", tag: "Meta", summary: "This document", role: "public", status: 200, response: s.openApiDocument },

  { method: "get", path: "/workflows", operationId: "listWorkflows", tag: W, summary: "List workflows with status and last run", role: "viewer", status: 200, response: s.workflowListSchema },
  { method: "post", path: "/workflows", operationId: "createWorkflow", tag: W, summary: "Create a workflow from a name and graph, or from a template", role: "editor", body: s.createWorkflowBody, status: 201, response: s.workflowSchema, errors: [422] },
  { method: "post", path: "/workflows/import", operationId: "importWorkflow", tag: W, summary: "Create a workflow from an export file", role: "editor", body: s.workflowImportBody, status: 201, response: s.workflowSchema, errors: [422] },
  { method: "get", path: "/workflows/{id}", operationId: "getWorkflow", tag: W, summary: "A workflow with its draft graph", role: "viewer", params: s.idParams, status: 200, response: s.workflowSchema, errors: [404] },
  { method: "patch", path: "/workflows/{id}", operationId: "updateWorkflow", tag: W, summary: "Rename, describe or replace the draft graph", role: "editor", params: s.idParams, body: s.updateWorkflowBody, status: 200, response: s.workflowSchema, errors: [404, 422] },
  { method: "delete", path: "/workflows/{id}", operationId: "deleteWorkflow", tag: W, summary: "Delete a workflow, its versions and its run history", role: "editor", params: s.idParams, status: 200, response: s.okSchema, errors: [404, 409] },
  { method: "get", path: "/workflows/{id}/export", operationId: "exportWorkflow", tag: W, summary: "The draft as a portable export file", role: "viewer", params: s.idParams, status: 200, response: s.workflowExportBody, errors: [404] },
  { method: "post", path: "/workflows/{id}/publish", operationId: "publishWorkflow", tag: W, summary: "Validate the draft, save it as the next version and make it live", role: "editor", params: s.idParams, body: s.publishBody, status: 201, response: s.versionSchema, errors: [404, 422] },
  { method: "post", path: "/workflows/{id}/enable", operationId: "enableWorkflow", tag: W, summary: "Resume a paused workflow", role: "editor", params: s.idParams, status: 200, response: s.workflowSchema, errors: [404, 409] },
  { method: "post", path: "/workflows/{id}/pause", operationId: "pauseWorkflow", tag: W, summary: "Stop starting new runs", role: "editor", params: s.idParams, body: s.pauseBody, status: 200, response: s.workflowSchema, errors: [404] },
  { method: "get", path: "/workflows/{id}/versions", operationId: "listVersions", tag: W, summary: "Published versions, newest first", role: "viewer", params: s.idParams, status: 200, response: s.versionListSchema, errors: [404] },
  { method: "post", path: "/workflows/{id}/rollback", operationId: "rollbackWorkflow", tag: W, summary: "Publish an earlier version again as the newest", role: "editor", params: s.idParams, body: s.rollbackBody, status: 201, response: s.versionSchema, errors: [404, 422] },
  { method: "post", path: "/workflows/{id}/runs", operationId: "runWorkflow", tag: W, summary: "Start a run now with a given trigger payload", role: "editor", params: s.idParams, body: s.manualRunBody, status: 202, response: s.manualRunResponse, errors: [404, 409, 422] },

  { method: "get", path: "/runs", operationId: "listRuns", tag: R, summary: "Runs, newest first, filtered and paginated by cursor", role: "viewer", query: s.listRunsQuery, status: 200, response: s.runPageSchema, errors: [422] },
  { method: "post", path: "/runs/replay", operationId: "bulkReplayRuns", tag: R, summary: "Replay every ended run matching a filter", role: "editor", body: s.bulkReplayBody, status: 202, response: s.bulkReplayResponse, errors: [422] },
  { method: "get", path: "/runs/{id}", operationId: "getRun", tag: R, summary: "A run with its steps", role: "viewer", params: s.idParams, status: 200, response: s.runSchema, errors: [404] },
  { method: "post", path: "/runs/{id}/cancel", operationId: "cancelRun", tag: R, summary: "Cancel a queued, running or waiting run", role: "editor", params: s.idParams, status: 200, response: s.cancelResponse, errors: [404, 409] },
  { method: "post", path: "/runs/{id}/replay", operationId: "replayRun", tag: R, summary: "Run the same event again as a new, linked run", role: "editor", params: s.idParams, body: s.replayBody, status: 202, response: s.replayResponse, errors: [404, 409, 422] },

  { method: "get", path: "/backfills", operationId: "listBackfills", tag: B, summary: "Backfills, newest first, with progress and run counts", role: "viewer", status: 200, response: b.backfillListSchema },
  { method: "post", path: "/backfills", operationId: "startBackfill", tag: B, summary: "Run existing GHL contacts (with tasks, notes, appointments) through one workflow", role: "editor", body: b.startBackfillBody, status: 201, response: b.backfillSchema, errors: [404, 409, 422] },
  { method: "get", path: "/backfills/{id}", operationId: "getBackfill", tag: B, summary: "A backfill's progress: done / total, ETA and run counts", role: "viewer", params: s.idParams, status: 200, response: b.backfillSchema, errors: [404] },
  { method: "post", path: "/backfills/{id}/pause", operationId: "pauseBackfill", tag: B, summary: "Stop at the next page boundary; progress is kept", role: "editor", params: s.idParams, status: 200, response: b.backfillSchema, errors: [404, 409] },
  { method: "post", path: "/backfills/{id}/resume", operationId: "resumeBackfill", tag: B, summary: "Go on from the saved cursor (paused or failed backfills)", role: "editor", params: s.idParams, status: 200, response: b.backfillSchema, errors: [404, 409] },
  { method: "post", path: "/backfills/{id}/cancel", operationId: "cancelBackfill", tag: B, summary: "Stop for good; runs already started go on", role: "editor", params: s.idParams, status: 200, response: b.backfillSchema, errors: [404, 409] },

  { method: "get", path: "/templates", operationId: "listTemplates", tag: "Templates", summary: "The recipe templates, with the steps and connections each needs", role: "viewer", status: 200, response: s.templateListSchema },
  { method: "post", path: "/templates/{key}/install", operationId: "installTemplate", tag: "Templates", summary: "Install a template as a new draft workflow, bound to the chosen (or oldest active) connections", role: "editor", params: s.templateKeyParams, body: s.installTemplateBody, status: 201, response: s.workflowSchema, errors: [404, 422] },

  { method: "get", path: "/catalog", operationId: "listCatalog", tag: "Catalog", summary: "Every trigger, action and logic node with input and output JSON Schema", role: "viewer", query: s.catalogQuery, status: 200, response: s.catalogListSchema },
  { method: "get", path: "/catalog/{key}", operationId: "getCatalogEntry", tag: "Catalog", summary: "One trigger, action or logic node", role: "viewer", params: s.keyParams, status: 200, response: s.catalogEntrySchema, errors: [404] },
];

