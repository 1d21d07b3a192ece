/**
 * The two concurrency settings and their bounds, once: the API, the server actions and the
 * UI validate with these fields, and the engine reads the defaults from here.
 */
import { z } from "zod";

export const MAX_CONCURRENT_RUNS = { min: 1, max: 100, default: 100 } as const;
export const MAX_CONCURRENT_REQUESTS = { min: 1, max: 50 } as const;

/*
 * Requests in flight per connection when the connection sets none. GHL allows a burst of
 * about 10 requests/s per location and Details Flowers is assumed at 60 per 10 s; four calls
 * at a time stays well inside both while the rate governor paces the rest.
 */
export const DEFAULT_MAX_CONCURRENT_REQUESTS: Record<string, number> = { ghl: 4, "details-flowers": 4 };
const FALLBACK_MAX_CONCURRENT_REQUESTS = 4;

export function requestLimitFor(connection: { provider: string; maxConcurrentRequests: number | null }): number {
  return connection.maxConcurrentRequests ?? DEFAULT_MAX_CONCURRENT_REQUESTS[connection.provider] ?? FALLBACK_MAX_CONCURRENT_REQUESTS;
}

const between = (label: string, { min, max }: { min: number; max: number }) =>
  z
    .number({ error: `${label} must be a number between ${min} and ${max}` })
    .int(`${label} must be a whole number between ${min} and ${max}`)
    .min(min, `${label} must be between ${min} and ${max}`)
    .max(max, `${label} must be between ${min} and ${max}`);

export const WORKFLOW_TEXT_LIMITS = { name: 200, description: 2000 } as const;

/** A workflow's name and description as the API (create, update, import) accepts them. */
export const workflowNameField = z.string().trim().min(1, "The name cannot be empty").max(WORKFLOW_TEXT_LIMITS.name, `The name can be at most ${WORKFLOW_TEXT_LIMITS.name} characters`);
export const workflowDescriptionField = z.string().max(WORKFLOW_TEXT_LIMITS.description, `The description can be at most ${WORKFLOW_TEXT_LIMITS.description} characters`);

export const maxConcurrentRunsField = between("Max concurrent runs", MAX_CONCURRENT_RUNS).describe(
  `How many runs of this workflow may execute at once across all workers (${MAX_CONCURRENT_RUNS.min}–${MAX_CONCURRENT_RUNS.max}); later runs wait their turn`,
);

export const maxConcurrentRequestsField = between("Max concurrent requests", MAX_CONCURRENT_REQUESTS)
  .nullable()
  .describe(
    `How many API requests to this connection may be in flight at once across all workers (${MAX_CONCURRENT_REQUESTS.min}–${MAX_CONCURRENT_REQUESTS.max}); null uses the provider's default`,
  );
