"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toaster";
import type { ActionResult } from "@/lib/auth/guard";

type Mode = "from_failed_step" | "from_start" | "latest_version";

type Props = {
  runId: string;
  status: string;
  replay: (input: { id: string; mode: Mode }) => Promise<ActionResult<{ id: string }>>;
  cancel: (input: { id: string }) => Promise<ActionResult<{ id: string }>>;
};

export function RunActions({ runId, status, replay, cancel }: Props) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const doReplay = (mode: Mode) =>
    start(async () => {
      const result = await replay({ id: runId, mode });
      if (result.ok) router.push(`/runs/${result.data.id}`);
      else toast.error(result.error);
    });
  const ended = ["succeeded", "failed", "cancelled"].includes(status);
  return (
    <div className="flex flex-wrap gap-2">
      {status === "failed" && (
        <Button disabled={pending} onClick={() => doReplay("from_failed_step")}>
          Replay from the failed step
        </Button>
      )}
      {ended && (
        <Button variant="outline" disabled={pending} onClick={() => doReplay("from_start")}>
          Replay from the start
        </Button>
      )}
      {ended && (
        <Button variant="outline" disabled={pending} onClick={() => doReplay("latest_version")}>
          Replay on the latest version
        </Button>
      )}
      {!ended && (
        <Button
          variant="outline"
          disabled={pending}
          onClick={() =>
            start(async () => {
              const result = await cancel({ id: runId });
              if (result.ok) router.refresh();
              else toast.error(result.error);
            })
          }
        >
          Cancel run
        </Button>
      )}
    </div>
  );
}
