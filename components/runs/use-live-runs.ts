"use client";

import { useEffect, useState } from "react";
import type { RunRow } from "@/lib/services/run-rows";

/**
 * The list's rows kept current from /api/runs/stream: changed runs are replaced in place,
 * runs not on the page are added on top when `prependNew` (first page only).
 */
export function useLiveRuns(initial: RunRow[], query: string, prependNew: boolean) {
  const [rows, setRows] = useState(initial);
  const [live, setLive] = useState(false);

  // A server refresh (filter change, replay) brings new initial rows: start over from them.
  const [base, setBase] = useState(initial);
  if (base !== initial) {
    setBase(initial);
    setRows(initial);
  }

  useEffect(() => {
    const source = new EventSource(`/api/runs/stream?${query}`);
    source.addEventListener("ready", () => setLive(true));
    source.addEventListener("error", () => setLive(false));
    source.addEventListener("run", (event) => {
      const run = JSON.parse((event as MessageEvent<string>).data) as RunRow;
      setRows((current) => {
        const index = current.findIndex((r) => r.id === run.id);
        if (index >= 0) {
          if (current[index].updatedAt >= run.updatedAt) return current;
          return current.map((r, i) => (i === index ? run : r));
        }
        if (!prependNew) return current;
        return [run, ...current].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
      });
    });
    return () => source.close();
  }, [query, prependNew]);

  return { rows, live };
}
