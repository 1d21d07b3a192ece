"use client";

import { MoreHorizontal } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { toast } from "@/components/ui/toaster";
import { errorText, type WorkflowActions, type WorkflowRow } from "./types";

export function WorkflowRowMenu({ workflow, actions }: { workflow: WorkflowRow; actions: WorkflowActions }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [pending, start] = useTransition();
  const run = (fn: () => Promise<{ ok: true; data: { id: string } } | { ok: false; error: string; fields?: { message: string }[] }>, done?: (id: string) => void) =>
    start(async () => {
      const result = await fn();
      if (result.ok) done?.(result.data.id);
      else toast.error(errorText(result));
    });
  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="ghost" size="icon" aria-label={`Actions for ${workflow.name}`} disabled={pending}>
            <MoreHorizontal className="size-4" />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end">
          <DropdownMenuItem
            onSelect={() => {
              const name = window.prompt("New name", workflow.name)?.trim();
              if (name && name !== workflow.name) run(() => actions.rename({ id: workflow.id, name }));
            }}
          >
            Rename
          </DropdownMenuItem>
          <DropdownMenuItem onSelect={() => run(() => actions.duplicate({ id: workflow.id }), (id) => router.push(`/workflows/${id}`))}>Duplicate</DropdownMenuItem>
          <DropdownMenuItem asChild>
            <a href={`/api/v1/workflows/${workflow.id}/export`} download={`${workflow.name}.bloombridge.json`}>
              Export JSON
            </a>
          </DropdownMenuItem>
          <DropdownMenuSeparator />
          <DropdownMenuItem className="text-destructive" onSelect={() => setConfirming(true)}>
            Delete
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
      <AlertDialog open={confirming} onOpenChange={setConfirming}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>Delete “{workflow.name}”?</AlertDialogTitle>
            <AlertDialogDescription>Its versions and run history are deleted too. Records it wrote in HighLevel or Details Flowers stay.</AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel>Keep it</AlertDialogCancel>
            <AlertDialogAction onClick={() => run(() => actions.remove({ id: workflow.id }))}>Delete workflow</AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </>
  );
}
