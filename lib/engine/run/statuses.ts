/** A run's statuses, once: the API, filters, charts and the UI read them from here. */
export const RUN_STATUSES = ["queued", "running", "waiting", "succeeded", "filtered", "failed", "cancelled"] as const;
export type RunStatusName = (typeof RUN_STATUSES)[number];

/** Ended normally without doing anything (a filter stopped it). */
export const FILTERED_LABEL = "Stopped by filter";
