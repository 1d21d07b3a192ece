"use client";

import { memo, useId, useMemo, useRef } from "react";
import { XIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { MapperContext, type MapperContextValue } from "@/components/mapper/mapper-context";
import { buildSources } from "@/components/mapper/mapper-sources";
import { SampleTree } from "@/components/mapper/sample-tree";
import type { GraphNode, ValidationResult, WorkflowGraph } from "@/lib/engine/graph";
import type { RefMapping } from "@/lib/engine/mapping";
import { ActionConfig } from "./config/action-config";
import { ConditionBuilder } from "./config/condition-builder";
import { ConnectionPicker } from "./config/connection-picker";
import { BranchConfig, DelayConfig, LoopConfig } from "./config/logic-configs";
import { TriggerConfig } from "./config/trigger-config";
import { entrySample, type JsonGraphCatalog } from "./json-catalog";
import { catalogKeyOf } from "./node-factory";
import { connectorOfKey } from "./node-visuals";
import { issuesByField } from "./use-validation";
import type { CatalogEntry, ConnectionSummary, TestStepResult } from "./types";

export type NodeConfigPanelProps = {
  node: GraphNode;
  graph: WorkflowGraph;
  catalog: JsonGraphCatalog;
  triggers: CatalogEntry[];
  connections: ConnectionSummary[];
  /** Real samples (trigger tests, step tests) by node id; catalog examples fill the gaps. */
  samples: Record<string, unknown>;
  validation: ValidationResult;
  readOnly: boolean;
  onNodeChange: (node: GraphNode, coalesceKey?: string) => void;
  /** `scope`: the sample data the mapper previews with (tests, else catalog examples). */
  onTestStep?: (nodeId: string, scope: Record<string, unknown>) => Promise<TestStepResult>;
  onTestTrigger?: () => Promise<void>;
  onClose: () => void;
};

/** Right-hand panel for the selected step: name, connection and the kind's own settings. */
function NodeConfigPanelView(props: NodeConfigPanelProps) {
  const { node, graph, catalog, samples, readOnly, onNodeChange } = props;
  const labelId = useId();
  const entry = catalog.entry(catalogKeyOf(node));
  const activeInputRef = useRef<((ref: RefMapping) => void) | null>(null);
  // Sources depend on structure, labels and samples, not on every keystroke in this form.
  const structure = graph.nodes.map((n) => `${n.id}:${n.label}:${n.kind === "loop" ? JSON.stringify(n.items) : ""}`).join("|");
  const mapper = useMemo<MapperContextValue>(() => {
    const { sources, scope } = buildSources(graph, node.id, {
      outputSchema: (id) => catalog.entry(catalogKeyOf(graph.nodes.find((n) => n.id === id) ?? node))?.outputSchema,
      catalogKey: (id) => {
        const found = graph.nodes.find((n) => n.id === id);
        return found ? catalogKeyOf(found) : undefined;
      },
      sample: (id) => {
        if (Object.hasOwn(samples, id)) return { value: samples[id], origin: "test" };
        const found = graph.nodes.find((n) => n.id === id);
        const example = found ? entrySample(catalog.entry(catalogKeyOf(found))) : undefined;
        return example === undefined ? undefined : { value: example, origin: "example" };
      },
    });
    return { sources, scope, readOnly, activeInputRef };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `structure` stands for graph.nodes
  }, [structure, graph.edges, samples, node.id, catalog, readOnly]);

  const fields = useMemo(() => issuesByField(props.validation, node.id), [props.validation, node.id]);
  const connector = entry?.connector ?? connectorOfKey(catalogKeyOf(node));
  const triggerSample = node.kind === "trigger" ? (Object.hasOwn(samples, node.id) ? { value: samples[node.id], fromTest: true } : entrySample(entry) === undefined ? undefined : { value: entrySample(entry), fromTest: false }) : undefined;
  const { onTestStep } = props;

  return (
    <MapperContext.Provider value={mapper}>
      <aside aria-label={`Settings of ${node.label || "step"}`} className="flex h-full min-h-0 w-[26rem] shrink-0 flex-col border-l bg-background">
        <div className="flex items-center gap-2 border-b px-3 py-2">
          <h2 className="min-w-0 flex-1 truncate text-sm font-semibold">{entry?.label ?? node.kind}</h2>
          <Button type="button" variant="ghost" size="icon-sm" aria-label="Close settings" onClick={props.onClose}>
            <XIcon aria-hidden="true" />
          </Button>
        </div>
        <div className="min-h-0 flex-1 space-y-4 overflow-y-auto p-3">
          <div className="space-y-1">
            <Label htmlFor={labelId}>Name</Label>
            <Input id={labelId} value={node.label} disabled={readOnly} onChange={(e) => onNodeChange({ ...node, label: e.target.value }, `label:${node.id}`)} />
            <p className="text-xs text-muted-foreground">
              Id <code className="font-mono">{node.id}</code>, used in references
            </p>
          </div>
          {(node.kind === "trigger" || node.kind === "action") && (
            <ConnectionPicker connector={connector} connections={props.connections} value={node.connectionId} readOnly={readOnly} forTrigger={node.kind === "trigger"} onChange={(connectionId) => onNodeChange({ ...node, connectionId })} />
          )}
          {node.kind === "trigger" && <TriggerConfig node={node} triggers={props.triggers} onChange={onNodeChange} sample={triggerSample} onTestTrigger={props.onTestTrigger} readOnly={readOnly} />}
          {node.kind === "action" && (
            <ActionConfig node={node} entry={entry} onChange={onNodeChange} issuesByField={fields} readOnly={readOnly} onTest={onTestStep ? (scope) => onTestStep(node.id, scope) : undefined} />
          )}
          {node.kind === "filter" && <ConditionBuilder value={node.condition} onChange={(condition) => onNodeChange({ ...node, condition })} readOnly={readOnly} />}
          {node.kind === "branch" && <BranchConfig node={node} onChange={onNodeChange} readOnly={readOnly} />}
          {node.kind === "loop" && <LoopConfig node={node} onChange={onNodeChange} readOnly={readOnly} />}
          {node.kind === "delay" && <DelayConfig node={node} onChange={onNodeChange} readOnly={readOnly} />}
          {Object.entries(fields)
            .filter(([field]) => !field.startsWith("inputs."))
            .flatMap(([, messages]) => messages)
            .map((message) => (
              <p key={message} className="text-xs text-destructive" role="alert">
                {message}
              </p>
            ))}
        </div>
        {node.kind !== "trigger" && (
          <section aria-label="Data from earlier steps" className="flex max-h-[40%] min-h-0 flex-col border-t">
            <h3 className="px-3 pt-2 text-xs font-semibold text-muted-foreground">Data from earlier steps</h3>
            <SampleTree />
          </section>
        )}
      </aside>
    </MapperContext.Provider>
  );
}

/** Memoized so dragging on the canvas does not re-render the open form. */
export const NodeConfigPanel = memo(NodeConfigPanelView);
