"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { WorkflowGraph } from "@/lib/engine/graph";
import type { SaveState } from "./types";

export const AUTOSAVE_DELAY_MS = 800;

/**
 * Saves the graph ~800 ms after the last edit. Saves never overlap: an edit made while a
 * save is in flight is saved right after it. Leaving the page with unsaved work asks first.
 */
export function useAutosave(graph: WorkflowGraph, onSave: (graph: WorkflowGraph) => Promise<void>, disabled = false) {
  const [state, setState] = useState<SaveState>("saved");
  const saved = useRef(graph);
  // The same as `saved`, as state: the indicator must say "Unsaved" in the very render that changed the graph.
  const [savedGraph, setSavedGraph] = useState(graph);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const latest = useRef(graph);
  const onSaveRef = useRef(onSave);
  useEffect(() => {
    onSaveRef.current = onSave;
    latest.current = graph;
  });

  const save = useCallback(async (): Promise<boolean> => {
    if (inFlight.current) await inFlight.current;
    const target = latest.current;
    if (target === saved.current) return true;
    setState("saving");
    const attempt = onSaveRef.current(target).then(
      () => {
        saved.current = target;
        setSavedGraph(target);
        setState(latest.current === target ? "saved" : "unsaved");
        return true;
      },
      () => {
        setState("failed");
        return false;
      },
    );
    inFlight.current = attempt;
    try {
      return await attempt;
    } finally {
      if (inFlight.current === attempt) inFlight.current = null;
    }
  }, []);

  useEffect(() => {
    if (disabled) return;
    // Undoing back to the saved graph needs no save, only the indicator back at "Saved".
    const unchanged = graph === saved.current;
    const mark = setTimeout(() => setState((s) => (s === "saving" || s === "failed" ? s : unchanged ? "saved" : "unsaved")), 0);
    const timer = unchanged ? undefined : setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
    return () => {
      clearTimeout(mark);
      clearTimeout(timer);
    };
  }, [graph, disabled, save]);

  useEffect(() => {
    if (state === "saved") return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [state]);

  /** Saves now (before publishing or testing a step); resolves false when saving failed. */
  const shown: SaveState = state === "saved" && graph !== savedGraph ? "unsaved" : state;
  return { state: shown, flush: save };
}
