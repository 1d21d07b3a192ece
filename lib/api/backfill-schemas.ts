/** /api/v1/backfills request and response shapes (documented in openapi.json through ENDPOINTS). */
import { z } from "zod";
import { backfillScope } from "@/lib/engine/backfill/scope";

const BACKFILL_STATUSES = ["queued", "running", "paused", "succeeded", "failed", "cancelled"] as const;

export const startBackfillBody = z
  .object({
    workflowId: z.string().uuid().describe("Published, enabled workflow with a GHL contact trigger to run every contact through"),
    connectionId: z.string().uuid().optional().describe("GHL connection to read contacts from; defaults to the workflow trigger's connection"),
    scope: backfillScope.default({ includeTasks: true, includeNotes: true, includeAppointments: false, pageSize: 100 }),
  })
  .strict();

const runCounts = z
  .object({ queued: z.number().int(), running: z.number().int(), waiting: z.number().int(), succeeded: z.number().int(), failed: z.number().int(), cancelled: z.number().int() })
  .describe("Runs started by the backfill's events, by status");

export const backfillSchema = z
  .object({
    id: z.string().describe("Backfill id (UUID)"),
    workflowId: z.string(),
    workflowName: z.string(),
    connectionId: z.string(),
    scope: z.record(z.string(), z.unknown()).describe("The scope it was started with"),
    status: z.enum(BACKFILL_STATUSES).describe("paused: stopped at a page boundary (by request, or because the workflow or connection needs attention; see error)"),
    done: z.number().int().describe("Contacts handed to the workflow"),
    failed: z.number().int().describe("Contacts skipped because GHL could not return them"),
    total: z.number().int().nullable().describe("Contacts in scope; null before the first page"),
    percent: z.number().nullable(),
    ratePerSecond: z.number().nullable().describe("Contacts per second while running"),
    etaSeconds: z.number().int().nullable().describe("Estimated seconds left, from the observed rate"),
    runs: runCounts,
    error: z.string().nullable(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: "Backfill" });

export const backfillListSchema = z.object({ data: z.array(backfillSchema) });
