"use client";

import "@xyflow/react/dist/style.css";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { ReactFlowProvider, useReactFlow } from "@xyflow/react";
import type { ValidationIssue } from "@/lib/engine/graph";
import { CanvasServicesContext, sameIssues, type CanvasServices, type NodeIssueSummary } from "./editor-context";
import { EditorCanvas } from "./editor-canvas";
import { EditorToolbar } from "./editor-toolbar";
import { jsonCatalog } from "./json-catalog";
import { useCatalog } from "./use-catalog";
import { createKeyedStore } from "./keyed-store";
import { NodeConfigPanel } from "./node-config-panel";
import { Palette } from "./palette";
import { ShortcutsDialog } from "./shortcuts-dialog";
import type { CatalogEntry, NodeRunStatus, WorkflowEditorProps } from "./types";
import { useAutosave } from "./use-autosave";
import { useEditorActions, type InsertTarget } from "./use-editor-actions";
import { useEditorGraph } from "./use-editor-graph";
import { useEditorShortcuts } from "./use-editor-shortcuts";
import { useValidation } from "./use-validation";
import { usePublish, useStepTesting } from "./use-editor-io";

/** The workflow studio: palette (left), canvas (centre), settings of the selected step (right). */
export function WorkflowEditor(props: WorkflowEditorProps) {
  return (
    <ReactFlowProvider>
      <EditorInner {...props} />
    </ReactFlowProvider>
  );
}

function EditorInner(props: WorkflowEditorProps) {
  const readOnly = props.readOnly ?? false;
  const rootRef = useRef<HTMLDivElement>(null);
  const flow = useReactFlow();
  const editor = useEditorGraph(props.initialGraph);
  const { graph, select } = editor;
  const insertTarget = useRef<InsertTarget>(null);
  const [insertHint, setInsertHint] = useState<string | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);

  const focusPalette = useCallback(() => {
    const search = rootRef.current?.querySelector<HTMLInputElement>("[data-palette-search]");
    search?.focus();
    search?.select();
  }, []);
  const { catalog, complete: catalogComplete } = useCatalog(props.catalog, graph, props.loadCatalogEntries);
  const [services] = useState<CanvasServices>(() => ({
    // Cards read only labels and icons, which lean entries have too.
    catalog: jsonCatalog(props.catalog),
    runStatus: createKeyedStore<NodeRunStatus>(),
    issues: createKeyedStore<NodeIssueSummary>(sameIssues),
    readOnly,
    requestInsertOnEdge: (edgeId) => {
      insertTarget.current = { edgeId };
      setInsertHint("Pick a step to insert on the selected connection (Esc to cancel)");
      rootRef.current?.querySelector<HTMLInputElement>("[data-palette-search]")?.focus();
    },
  }));

  useEffect(() => services.runStatus.setAll(props.runStatus ?? {}), [services, props.runStatus]);
  const validation = useValidation(graph, catalogComplete ? catalog : null, services.issues);
  const autosave = useAutosave(graph, props.onSave, readOnly);
  const actions = useEditorActions(editor, catalog, readOnly, insertTarget, props.connections);
  const testing = useStepTesting(props, editor.graphRef, graph);
  const { testStep } = testing;
  // A tested step shows its outcome on the canvas, like a run would.
  const testAndMark = useCallback(
    async (nodeId: string, scope: Record<string, unknown>) => {
      const result = await testStep(nodeId, scope);
      services.runStatus.set(nodeId, result.error ? "failed" : "succeeded");
      return result;
    },
    [services, testStep],
  );
  const publish = usePublish(props.onPublish, autosave.flush, select);

  const selected = useMemo(() => editor.nodes.filter((n) => n.selected), [editor.nodes]);
  const selectedNode = selected.length === 1 ? graph.nodes.find((n) => n.id === selected[0].id) : undefined;
  const triggers = useMemo(() => props.catalog.filter((e) => e.kind === "trigger"), [props.catalog]);

  const clearInsert = useCallback(() => {
    insertTarget.current = null;
    setInsertHint(null);
  }, []);
  const { insertEntry: insertFromPalette, dropEntry } = actions;
  const insertEntry = useCallback(
    (entry: CatalogEntry) => {
      insertFromPalette(entry);
      setInsertHint(null);
    },
    [insertFromPalette],
  );
  const onDropStep = useCallback(
    (key: string, position: { x: number; y: number }) => {
      const entry = catalog.entry(key);
      if (entry) dropEntry(entry, position);
    },
    [dropEntry, catalog],
  );
  const showIssue = useCallback(
    (issue: ValidationIssue) => {
      if (!issue.nodeId) return;
      select([issue.nodeId]);
      void flow.fitView({ nodes: [{ id: issue.nodeId }], duration: 300, maxZoom: 1.2 });
    },
    [select, flow],
  );

  const { layout, deleteSelected, copy, cut, paste, selectAll } = actions;
  const openHelp = useCallback(() => setHelpOpen(true), []);
  const fitView = useCallback(() => void flow.fitView({ padding: 0.2, duration: 300 }), [flow]);
  const runLayout = useCallback(() => void layout(), [layout]);
  const { flush } = autosave;
  const retrySave = useCallback(() => void flush(), [flush]);
  const { run: publishNow } = publish;
  const runPublish = useCallback(() => void publishNow(), [publishNow]);
  const closePanel = useCallback(() => select([]), [select]);

  useEditorShortcuts(rootRef, {
    undo: readOnly ? undefined : editor.undo,
    redo: readOnly ? undefined : editor.redo,
    copy,
    cut,
    paste,
    delete: deleteSelected,
    selectAll,
    focusPalette,
    help: openHelp,
    layout: runLayout,
    fitView,
    escape: () => (clearInsert(), select([])),
  });

  const paletteHint =
    insertHint ??
    (selectedNode ? `Enter or click inserts after “${selectedNode.label}”` : graph.nodes.length === 0 ? "Start with a trigger" : "Click to add at the end, or drag onto the canvas");

  return (
    <CanvasServicesContext.Provider value={services}>
      <div ref={rootRef} className="flex h-full min-h-[32rem] flex-col bg-background text-foreground" data-testid="workflow-editor">
        <EditorToolbar
          saveState={autosave.state}
          onRetrySave={retrySave}
          canUndo={editor.canUndo}
          canRedo={editor.canRedo}
          onUndo={editor.undo}
          onRedo={editor.redo}
          onLayout={runLayout}
          onFitView={fitView}
          onHelp={openHelp}
          validation={validation}
          onShowIssue={showIssue}
          onPublish={props.onPublish ? runPublish : undefined}
          publishing={publish.busy}
          readOnly={readOnly}
        />
        <div className="flex min-h-0 flex-1">
          {!readOnly && <Palette catalog={props.catalog} onInsert={insertEntry} insertHint={paletteHint} />}
          <div className="relative min-w-0 flex-1">
            <EditorCanvas
              nodes={editor.nodes}
              edges={editor.edges}
              graphRef={editor.graphRef}
              readOnly={readOnly}
              onNodesChange={editor.onNodesChange}
              onEdgesChange={editor.onEdgesChange}
              onConnect={actions.connect}
              onDropStep={onDropStep}
            />
          </div>
          {selectedNode && (
            <NodeConfigPanel
              key={selectedNode.id}
              node={selectedNode}
              graph={graph}
              catalog={catalog}
              triggers={triggers}
              connections={props.connections}
              samples={testing.samples}
              validation={validation}
              readOnly={readOnly}
              onNodeChange={actions.changeNode}
              onTestStep={props.onTestStep ? testAndMark : undefined}
              onTestTrigger={props.onTestTrigger ? testing.testTrigger : undefined}
              onClose={closePanel}
            />
          )}
        </div>
        <ShortcutsDialog open={helpOpen} onOpenChange={setHelpOpen} />
      </div>
    </CanvasServicesContext.Provider>
  );
}
