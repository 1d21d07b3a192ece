"use client";

import { useCallback, useMemo, useState, type RefObject } from "react";
import { toast } from "@/components/ui/toaster";
import type { WorkflowGraph } from "@/lib/engine/graph";
import type { PublishResult, TestStepResult, WorkflowEditorProps } from "./types";

/**
 * Samples for the mapper: the page's samples plus the outputs of tests run in this
 * session, so a step tested a moment ago can be mapped from right away.
 */
export function useStepTesting(props: Pick<WorkflowEditorProps, "samples" | "onTestStep" | "onTestTrigger">, graphRef: RefObject<WorkflowGraph>, graph: WorkflowGraph) {
  const [tested, setTested] = useState<Record<string, unknown>>({});
  const samples = useMemo(() => ({ ...props.samples, ...tested }), [props.samples, tested]);
  const { onTestStep, onTestTrigger } = props;

  const testStep = useCallback(
    // `scope`: what the mapper previewed with, examples included, so the test sends that input.
    async (nodeId: string, scope: Record<string, unknown> = {}): Promise<TestStepResult> => {
      if (!onTestStep) return { error: "Testing is not available here" };
      const result = await onTestStep(nodeId, graphRef.current, { ...samples, ...scope });
      if (result.output !== undefined && !result.error) setTested((t) => ({ ...t, [nodeId]: result.output }));
      return result;
    },
    [graphRef, onTestStep, samples],
  );

  const triggerId = graph.nodes.find((n) => n.kind === "trigger")?.id;
  const testTrigger = useCallback(async () => {
    if (!onTestTrigger || !triggerId) return;
    const { sample, message } = await onTestTrigger(graphRef.current);
    setTested((t) => ({ ...t, [triggerId]: sample }));
    if (message) toast.info("Sample loaded", message);
  }, [graphRef, onTestTrigger, triggerId]);

  return { samples, testStep, testTrigger };
}

function publishErrors(result: PublishResult): string[] {
  if (!("errors" in result)) return [];
  return result.errors.map((e) => (typeof e === "string" ? e : e.message));
}

/** Saves first (publishing an unsaved draft would publish the old one), then publishes. */
export function usePublish(onPublish: WorkflowEditorProps["onPublish"], flush: () => Promise<boolean>, select: (ids: string[]) => void) {
  const [busy, setBusy] = useState(false);
  const run = useCallback(async () => {
    if (!onPublish) return;
    setBusy(true);
    try {
      if (!(await flush())) {
        toast.error("Not published", "The latest changes could not be saved. Try again.");
        return;
      }
      const result = await onPublish();
      if ("cancelled" in result) return;
      const errors = publishErrors(result);
      if ("ok" in result) {
        toast.success(result.message ?? "Workflow published");
        return;
      }
      toast.error(`Not published: ${errors.length} ${errors.length === 1 ? "problem" : "problems"}`, errors.slice(0, 3).join(" · "));
      const first = "errors" in result ? result.errors.find((e) => typeof e !== "string" && e.nodeId) : undefined;
      if (first && typeof first !== "string" && first.nodeId) select([first.nodeId]);
    } catch (error) {
      toast.error("Publishing failed", error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  }, [flush, onPublish, select]);
  return { busy, run };
}
