/** Test helpers for executor tests on the GHL sandbox. */
import { ingestEvent } from "../ingest";

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
    const { runIds: started } = await ingestEvent({
      source: "ghl",
      delivery: "manual",
      dedupeKey: crypto.randomUUID(),
      eventType: "ghl.contact.created",
      accountId: contact.locationId,
      payload: { type: "ContactCreate", locationId: contact.locationId, id: contact.id, _bloombridge: { workflowId } },
    });
    runIds.push(...started);
  }
  return runIds;
}

/** "Contact created" (bound to `connectionId` if given) → "Send to webhook" POSTing the payload to `url`. */
export function contactToWebhookGraph(url: string, options: { connectionId?: string; retries?: number; triggerKey?: string } = {}) {
  return {
    schemaVersion: 1,
    nodes: [
      { id: "trigger", kind: "trigger", label: "Contact created", position: { x: 0, y: 0 }, triggerKey: options.triggerKey ?? "ghl.contact.created", ...(options.connectionId ? { connectionId: options.connectionId } : {}) },
      {
        id: "send", kind: "action", label: "Send to webhook", position: { x: 280, y: 0 }, operationKey: "webhook.send",
        ...(options.retries === undefined ? {} : { settings: { retries: options.retries } }),
        inputs: { url: { kind: "literal", value: url }, method: { kind: "literal", value: "POST" }, body: { kind: "ref", node: "trigger", path: "" } },
      },
    ],
    edges: [{ id: "trigger-send", source: "trigger", target: "send" }],
  };
}
