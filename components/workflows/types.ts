import type { ActionResult } from "@/lib/auth/guard";

export type WorkflowRow = {
  id: string;
  name: string;
  description: string | null;
  status: "draft" | "published" | "paused";
  pausedReason: string | null;
  version: number | null;
  updatedAt: string;
  lastRun: { id: string; status: string; createdAt: string } | null;
  runsConsidered: number;
  errorRate: number | null;
};

export type TemplateSummary = { key: string; name: string; description: string };

export type WorkflowActions = {
  create: (input: { name: string; template?: string }) => Promise<ActionResult<{ id: string }>>;
  rename: (input: { id: string; name: string }) => Promise<ActionResult<{ id: string }>>;
  duplicate: (input: { id: string }) => Promise<ActionResult<{ id: string }>>;
  remove: (input: { id: string }) => Promise<ActionResult<{ id: string }>>;
  importJson: (input: { json: string }) => Promise<ActionResult<{ id: string }>>;
};

export function errorText(result: { ok: false; error: string; fields?: { message: string }[] }): string {
  return result.fields?.map((f) => f.message).join("; ") || result.error;
}
