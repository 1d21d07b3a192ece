/**
 * A tiny id-keyed store read through `useSyncExternalStore`. Run status and validation
 * badges live here instead of in node data: a change re-renders only the nodes whose
 * value changed, never the graph.
 */
import { useCallback, useSyncExternalStore } from "react";

export type KeyedStore<V> = {
  get(key: string): V | undefined;
  /** Replaces all values; unchanged keys (by `equal`) keep their old value object. */
  setAll(values: Readonly<Record<string, V>>): void;
  /** Sets one value, keeping the others. */
  set(key: string, value: V): void;
  subscribe(listener: () => void): () => void;
};

export function createKeyedStore<V>(equal: (a: V, b: V) => boolean = Object.is): KeyedStore<V> {
  let values = new Map<string, V>();
  const listeners = new Set<() => void>();
  return {
    get: (key) => values.get(key),
    setAll(next) {
      let changed = Object.keys(next).length !== values.size;
      const merged = new Map<string, V>();
      for (const [key, value] of Object.entries(next)) {
        const old = values.get(key);
        const keep = old !== undefined && equal(old, value);
        if (!keep) changed = true;
        merged.set(key, keep ? (old as V) : value);
      }
      values = merged;
      if (changed) for (const listener of listeners) listener();
    },
    set(key, value) {
      const old = values.get(key);
      if (old !== undefined && equal(old, value)) return;
      values = new Map(values).set(key, value);
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export function useKeyedValue<V>(store: KeyedStore<V>, key: string): V | undefined {
  const get = useCallback(() => store.get(key), [store, key]);
  return useSyncExternalStore(store.subscribe, get, get);
}
