"use client";

import { createContext, useContext, useEffect, useState } from "react";
import { evaluateMapping, formatRef, type Mapping, type PathType, type RefMapping, type Scope } from "@/lib/engine/mapping";
import type { MapperSource } from "./mapper-sources";
import { refLabel } from "./mapper-sources";

export const REF_MIME = "application/x-bloombridge-ref";

export type MapperContextValue = {
  sources: MapperSource[];
  scope: Scope;
  readOnly: boolean;
  /** The input that last had focus; clicking a field in the sample tree inserts there. */
  activeInputRef: { current: ((ref: RefMapping) => void) | null };
};

export const MapperContext = createContext<MapperContextValue>({ sources: [], scope: {}, readOnly: false, activeInputRef: { current: null } });

export const useMapper = () => useContext(MapperContext);

export function useRefDescriber() {
  const { sources } = useMapper();
  const label = (ref: RefMapping) => refLabel(ref, sources.find((s) => s.nodeId === ref.node)?.label);
  const type = (ref: RefMapping): PathType | undefined => sources.find((s) => s.nodeId === ref.node)?.paths.find((p) => p.path === ref.path)?.type;
  return { label, type };
}

export function encodeRefDrag(ref: RefMapping): string {
  return formatRef(ref);
}

export type Preview = { state: "empty" } | { state: "value"; value: unknown } | { state: "error"; message: string };

/** Evaluates a mapping on the sample scope; missing sample values read as empty, not errors. */
export function useMappingPreview(mapping: Mapping | undefined, scope: Scope): Preview {
  const [preview, setPreview] = useState<Preview>({ state: "empty" });
  useEffect(() => {
    let cancelled = false;
    if (!mapping) {
      queueMicrotask(() => !cancelled && setPreview({ state: "empty" }));
      return () => void (cancelled = true);
    }
    evaluateMapping(mapping, scope, { lenient: true }).then(
      (value) => !cancelled && setPreview(value === undefined ? { state: "empty" } : { state: "value", value }),
      (error: unknown) => !cancelled && setPreview({ state: "error", message: error instanceof Error ? error.message : String(error) }),
    );
    return () => void (cancelled = true);
  }, [mapping, scope]);
  return preview;
}

export function previewText(value: unknown): string {
  if (typeof value === "string") return value === "" ? "(empty text)" : value;
  const text = JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}
