/**
 * Executes one run of a published workflow version. Every step is checkpointed before the
 * next starts; finished steps are reused, so a restarted, resumed or replayed run never
 * repeats a call that already succeeded. Retries, waits and delays park the run and put it
 * back on the queue instead of holding a worker.
 */
import { getOperation } from "@/lib/connectors/registry";
import { logger } from "@/lib/log";
import { evaluateCondition, nextNodes, type GraphNode } from "../graph";
import { evaluateMapping, loopScope, type Scope } from "../mapping";
import { decide } from "./failure";
import { claimRun, finishRun, LEASE_MS, parkRun, renewLease, type ClaimedRun } from "./lifecycle";
import { describeError } from "./payload";
import { runAction } from "./step-action";
import { publishedGraph, type PublishedGraph } from "./published-graph";
import { saveStep, type StepCheckpoint, type StepRecord } from "./steps";

/** "lost": the run is no longer this worker's (re-claimed after its lease ran out, or cancelled mid-step); it wrote nothing more. */
type Outcome = { kind: "done" } | { kind: "stopped" } | { kind: "parked" } | { kind: "failed"; error: unknown } | { kind: "cancelled" } | { kind: "lost" };

class Parked extends Error {
  constructor(readonly until: Date | null) {
    super("parked");
  }
}
class Cancelled extends Error {}
class LostClaim extends Error {}
class RunFailed extends Error {
  constructor(readonly detail: unknown) {
    super("run failed");
  }
}
class FilteredOut extends Error {}

type Walk = Pick<PublishedGraph, "graph" | "order" | "nodes" | "bodies"> & {
  run: ClaimedRun;
  steps: Map<string, StepRecord>;
  /**
   * The last succeeded step's checkpoint, not written yet: it is written before the next node
   * runs (so before any further call), or with the run's finish in one statement.
   */
  pending?: StepCheckpoint;
};

/** A lease this old is renewed before the next node: at least two thirds of it remain for the node's call. */
const RENEW_AFTER_MS = LEASE_MS / 3;

const DELAY_UNIT_MS = { seconds: 1_000, minutes: 60_000, hours: 3_600_000, days: 86_400_000 } as const;

/** Claims this run and executes it; null when it is not claimable (ended, held, or deferred by its limit). */
export async function executeRun(runId: string): Promise<Outcome | null> {
  const run = await claimRun(runId);
  if (!run) return null;
  return executeClaimed(run);
}

/** `onParked`: the run was parked until then (a worker may wake itself for it). */
export async function executeClaimed(run: ClaimedRun, options: { onParked?: (until: Date) => void } = {}): Promise<Outcome> {
  const runId = run.id;
  let walk: Walk | undefined;
  try {
    const prepared = await publishedGraph(run.workflow_version_id);
    const { graph, trigger, inAnyBody } = prepared;
    if (!trigger) throw new RunFailed({ message: "The workflow has no trigger", kind: "invalid_graph" });
    walk = { ...prepared, run, steps: new Map(run.steps.map((s) => [s.stepKey, s])) };
    const scope: Scope = { [trigger.id]: run.payload };
    await walkFrom(walk, nextNodes(graph, trigger.id, "out"), (id) => !inAnyBody.has(id), scope, "");
    return await succeed(run, walk, { kind: "done" }, "succeeded");
  } catch (error) {
    if (error instanceof FilteredOut) return await succeed(run, walk, { kind: "stopped" }, "filtered");
    if (error instanceof Parked) {
      if (error.until) options.onParked?.(error.until);
      return { kind: "parked" };
    }
    if (error instanceof Cancelled) return { kind: "cancelled" };
    if (error instanceof LostClaim) return { kind: "lost" };
    const detail = error instanceof RunFailed ? error.detail : describeError(error);
    if (!(error instanceof RunFailed)) logger.error({ err: error, runId }, "run failed unexpectedly");
    const pending = walk && takePending(walk);
    if (pending && (await saveStep(pending)) === "lost") return { kind: "lost" };
    if ((await finishRun(run, { status: "failed", error: detail })) === "lost") return { kind: "lost" };
    return { kind: "failed", error: detail };
  }
}

/**
 * Finishes a run that reached its end, writing the last step's checkpoint in the same statement.
 * When that is refused, the step is still recorded if the claim holds (the run was cancelled
 * during its last step).
 */
async function succeed(run: ClaimedRun, walk: Walk | undefined, outcome: Outcome, status: "succeeded" | "filtered"): Promise<Outcome> {
  const pending = walk && takePending(walk);
  if ((await finishRun(run, { status }, pending)) === "finished") return outcome;
  if (pending && (await saveStep(pending)) === "cancelled") return { kind: "cancelled" };
  return { kind: "lost" };
}

function takePending(walk: Walk): StepCheckpoint | undefined {
  const pending = walk.pending;
  walk.pending = undefined;
  return pending;
}

async function writeStep(step: StepCheckpoint): Promise<void> {
  const saved = await saveStep(step);
  if (saved === "lost") throw new LostClaim();
  if (saved === "cancelled") throw new Cancelled();
}

/** Makes the previous step durable and the claim fresh enough before a node may call out. */
async function beforeNode(walk: Walk): Promise<void> {
  const pending = takePending(walk);
  if (pending) await writeStep(pending);
  if (performance.now() - walk.run.leaseSetAt < RENEW_AFTER_MS) return;
  const lease = await renewLease(walk.run);
  if (lease === "lost") throw new LostClaim();
  if (lease === "cancelled") throw new Cancelled();
}

/** Runs the nodes reachable from `entries` (within `allowed`), in topological order. */
async function walkFrom(walk: Walk, entries: string[], allowed: (id: string) => boolean, scope: Scope, suffix: string): Promise<void> {
  const active = new Set(entries.filter(allowed));
  for (const id of walk.order) {
    if (!active.has(id)) continue;
    await beforeNode(walk);
    const node = walk.nodes.get(id);
    if (!node) continue;
    const handle = await runNode(walk, node, scope, suffix, allowed);
    if (handle) for (const next of nextNodes(walk.graph, id, handle)) if (allowed(next)) active.add(next);
  }
}

/** Executes one node; returns the output handle to follow, or null to follow nothing. */
async function runNode(walk: Walk, node: GraphNode, scope: Scope, suffix: string, allowed: (id: string) => boolean): Promise<string | null> {
  const stepKey = node.id + suffix;
  const previous = walk.steps.get(stepKey);
  const startedAt = new Date();
  const save = async (status: "succeeded" | "failed" | "waiting" | "retrying", extra: { input?: unknown; output?: unknown; error?: unknown; calls?: unknown[]; attempt?: number } = {}) => {
    const step: StepCheckpoint = { runId: walk.run.id, claimId: walk.run.claim_id, nodeId: node.id, stepKey, status, startedAt, attempt: extra.attempt ?? previous?.attempt ?? 1, ...extra, finishedAt: status === "waiting" || status === "retrying" ? null : undefined };
    const pending = takePending(walk);
    if (pending) await writeStep(pending);
    if (status === "succeeded") walk.pending = step;
    else await writeStep(step);
  };

  switch (node.kind) {
    case "trigger":
      return null;
    case "filter": {
      const passed = await evaluateCondition(node.condition, scope);
      await save("succeeded", { output: { passed } });
      if (!passed) throw new FilteredOut();
      return "out";
    }
    case "branch": {
      let handle = "default";
      if (node.mode === "if") handle = (await evaluateCondition(node.condition, scope)) ? "true" : "false";
      else for (const c of node.cases) if (await evaluateCondition(c.condition, scope)) { handle = c.id; break; }
      await save("succeeded", { output: { took: handle } });
      return handle;
    }
    case "delay": {
      const until = previous?.status === "waiting" && previous.output ? new Date(String((previous.output as { until: string }).until)) : await delayUntil(node, scope);
      if (previous?.status === "succeeded") return "out";
      if (until.getTime() > Date.now()) {
        await save("waiting", { output: { until: until.toISOString() } });
        await park(walk, "delay", until, false);
      }
      await save("succeeded", { output: { until: until.toISOString() } });
      return "out";
    }
    case "loop": {
      const items = await evaluateMapping(node.items, scope, { input: "items" });
      if (!Array.isArray(items)) {
        await save("failed", { error: { message: `"${node.label}" needs a list to repeat over, got ${typeof items}`, kind: "mapping" } });
        throw new RunFailed({ message: `"${node.label}" needs a list to repeat over`, kind: "mapping", nodeId: node.id });
      }
      if (node.maxItems && items.length > node.maxItems) throw new RunFailed({ message: `"${node.label}" got ${items.length} items, more than its limit of ${node.maxItems}`, kind: "limit", nodeId: node.id });
      const body = walk.bodies.get(node.id) ?? new Set<string>();
      const nested = new Set([...walk.bodies.entries()].filter(([id]) => body.has(id)).flatMap(([, s]) => [...s]));
      for (let i = 0; i < items.length; i++) {
        await walkFrom(walk, nextNodes(walk.graph, node.id, "each"), (id) => body.has(id) && !nested.has(id), loopScope(scope, node.id, items[i], i), `${suffix}#${i}`);
      }
      scope[node.id] = { count: items.length };
      await save("succeeded", { output: { count: items.length } });
      return "done";
    }
    case "action":
      return runActionNode(walk, node, scope, stepKey, previous, save, allowed);
  }
}

async function runActionNode(
  walk: Walk,
  node: Extract<GraphNode, { kind: "action" }>,
  scope: Scope,
  stepKey: string,
  previous: StepRecord | undefined,
  save: (status: "succeeded" | "failed" | "waiting" | "retrying", extra?: { input?: unknown; output?: unknown; error?: unknown; calls?: unknown[]; attempt?: number }) => Promise<void>,
  allowed: (id: string) => boolean,
): Promise<string | null> {
  if (previous?.status === "succeeded") {
    scope[node.id] = previous.output;
    return "out";
  }
  const operation = getOperation(node.operationKey);
  if (!operation) {
    const error = { message: `Unknown operation ${node.operationKey}; it may have been removed`, kind: "invalid_graph" };
    await save("failed", { error });
    throw new RunFailed({ ...error, nodeId: node.id });
  }
  // Rate-limit waits do not count as attempts; retries of failures do.
  const attempt = previous?.status === "retrying" ? previous.attempt + 1 : (previous?.attempt ?? 1);
  try {
    const result = await runAction({ node, operation, scope, idempotencyKey: `${walk.run.id}:${stepKey}` });
    await save("succeeded", { input: result.input, output: result.output, calls: result.calls, attempt });
    scope[node.id] = result.output;
    return "out";
  } catch (error) {
    if (error instanceof LostClaim) throw error;
    const detail = describeError(error);
    const decision = decide(error, attempt, node.settings, node.connectionId);
    if (decision.action === "retry") {
      await save("retrying", { error: detail, attempt });
      await park(walk, `retry:${node.id}`, decision.at, true);
    }
    if (decision.action === "wait") {
      await save("waiting", { error: detail, attempt });
      await park(walk, decision.waitingFor, decision.until, false);
    }
    await save("failed", { error: detail, attempt });
    const errorPath = nextNodes(walk.graph, node.id, "error").filter(allowed);
    if (errorPath.length) {
      scope[node.id] = { error: { message: detail.message, kind: detail.kind, status: detail.status } };
      return "error";
    }
    if (node.settings?.continueOnError) {
      scope[node.id] = { error: { message: detail.message, kind: detail.kind, status: detail.status } };
      return "out";
    }
    throw new RunFailed({ ...detail, nodeId: node.id, nodeLabel: node.label });
  }
}

async function park(walk: Walk, waitingFor: string, until: Date | null, countAttempt: boolean): Promise<never> {
  const pending = takePending(walk);
  if (pending) await writeStep(pending);
  if ((await parkRun(walk.run, waitingFor, until, countAttempt)) === "lost") throw new LostClaim();
  throw new Parked(until);
}

async function delayUntil(node: Extract<GraphNode, { kind: "delay" }>, scope: Scope): Promise<Date> {
  if (node.mode === "duration") return new Date(Date.now() + node.amount * DELAY_UNIT_MS[node.unit]);
  const value = await evaluateMapping(node.until, scope, { input: "until" });
  const date = new Date(String(value));
  if (Number.isNaN(date.getTime())) throw new RunFailed({ message: `"${node.label}" could not read "${String(value)}" as a date`, kind: "mapping", nodeId: node.id });
  return date;
}
