/** Test helpers for executor tests on the GHL sandbox. */
import { ingestEvent } from "../ingest";
import { routeEvent } from "./route-event";

/** The most intervals open at one instant; a finish at the same millisecond as a start closes first. */
export function maxOverlap(intervals: Array<{ start: number; end: number }>): number {
  const edges = intervals.flatMap((i) => [{ at: i.start, delta: 1 }, { at: i.end, delta: -1 }]).sort((a, b) => a.at - b.at || a.delta - b.delta);
  let open = 0;
  let max = 0;
  for (const edge of edges) max = Math.max(max, (open += edge.delta));
  return max;
}

/** `count` manual "contact created" events for one workflow, each routed to its run; the run ids. */
export async function startContactRuns(workflowId: string, contact: { locationId: string; id: string }, count: number): Promise<string[]> {
  const runIds: string[] = [];
  for (let i = 0; i < count; i++) {
    const { eventId } = await ingestEvent({
      source: "ghl",
      delivery: "manual",
      dedupeKey: crypto.randomUUID(),
      eventType: "ghl.contact.created",
      accountId: contact.locationId,
      payload: { type: "ContactCreate", locationId: contact.locationId, id: contact.id, _bloombridge: { workflowId } },
    });
    runIds.push(...(await routeEvent(eventId)));
  }
  return runIds;
}
