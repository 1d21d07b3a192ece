"use client";

import { memo } from "react";
import { KeyboardIcon, LayoutGridIcon, MaximizeIcon, Redo2Icon, SendIcon, Undo2Icon } from "lucide-react";
import { Button } from "@/components/ui/button";
import type { ValidationIssue, ValidationResult } from "@/lib/engine/graph";
import { ProblemsButton } from "./problems-button";
import { SaveIndicator } from "./save-indicator";
import type { SaveState } from "./types";

export type EditorToolbarProps = {
  saveState: SaveState;
  onRetrySave: () => void;
  canUndo: boolean;
  canRedo: boolean;
  onUndo: () => void;
  onRedo: () => void;
  onLayout: () => void;
  onFitView: () => void;
  onHelp: () => void;
  validation: ValidationResult;
  onShowIssue: (issue: ValidationIssue) => void;
  onPublish?: () => void;
  publishing: boolean;
  readOnly: boolean;
};

function EditorToolbarView(props: EditorToolbarProps) {
  const { readOnly } = props;
  return (
    <div role="toolbar" aria-label="Workflow editor" className="flex items-center gap-1 border-b bg-background px-3 py-1.5">
      <Button type="button" variant="ghost" size="icon-sm" aria-label="Undo" title="Undo (Ctrl+Z)" disabled={readOnly || !props.canUndo} onClick={props.onUndo}>
        <Undo2Icon aria-hidden="true" />
      </Button>
      <Button type="button" variant="ghost" size="icon-sm" aria-label="Redo" title="Redo (Ctrl+Shift+Z)" disabled={readOnly || !props.canRedo} onClick={props.onRedo}>
        <Redo2Icon aria-hidden="true" />
      </Button>
      <span className="mx-1 h-5 w-px bg-border" aria-hidden="true" />
      <Button type="button" variant="ghost" size="sm" aria-label="Tidy up layout" title="Automatic layout (Shift+L)" disabled={readOnly} onClick={props.onLayout}>
        <LayoutGridIcon aria-hidden="true" /> Tidy up
      </Button>
      <Button type="button" variant="ghost" size="icon-sm" aria-label="Fit view" title="Fit view (Shift+F)" onClick={props.onFitView}>
        <MaximizeIcon aria-hidden="true" />
      </Button>
      <Button type="button" variant="ghost" size="icon-sm" aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)" onClick={props.onHelp}>
        <KeyboardIcon aria-hidden="true" />
      </Button>
      <div className="ml-auto flex items-center gap-3">
        {!readOnly && <SaveIndicator state={props.saveState} onRetry={props.onRetrySave} />}
        <ProblemsButton result={props.validation} onShow={props.onShowIssue} />
        {props.onPublish && !readOnly && (
          <Button type="button" size="sm" onClick={props.onPublish} disabled={props.publishing}>
            <SendIcon aria-hidden="true" /> {props.publishing ? "Publishing…" : "Publish"}
          </Button>
        )}
      </div>
    </div>
  );
}

export const EditorToolbar = memo(EditorToolbarView);
