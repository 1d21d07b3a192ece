"use client";

import { Workflow } from "lucide-react";
import Link from "next/link";
import { useMemo, useState } from "react";
import { EmptyState } from "@/components/ui/empty-state";
import { SearchInput } from "@/components/ui/search-input";
import { StatusBadge } from "@/components/ui/status-badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { ImportWorkflowDialog } from "./import-workflow-dialog";
import { NewWorkflowDialog } from "./new-workflow-dialog";
import type { TemplateSummary, WorkflowActions, WorkflowRow } from "./types";
import { WorkflowRowMenu } from "./workflow-row-menu";

type Props = { workflows: WorkflowRow[]; templates: TemplateSummary[]; canEdit: boolean; actions: WorkflowActions };

export function WorkflowList({ workflows, templates, canEdit, actions }: Props) {
  const [query, setQuery] = useState("");
  const shown = useMemo(() => workflows.filter((w) => w.name.toLowerCase().includes(query.trim().toLowerCase())), [workflows, query]);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-2">
        <SearchInput value={query} onValueChange={setQuery} placeholder="Search workflows" aria-label="Search workflows" className="w-72" />
        <div className="ml-auto flex gap-2">
          {canEdit && <ImportWorkflowDialog importJson={actions.importJson} />}
          {canEdit && <NewWorkflowDialog templates={templates} create={actions.create} />}
        </div>
      </div>
      {workflows.length === 0 ? (
        <EmptyState icon={Workflow} title="No workflows yet" description={canEdit ? "Create one from a recipe — “New GHL contact → Details Flowers client” is the usual start." : "An editor can create the first workflow."} />
      ) : (
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Workflow</TableHead>
              <TableHead>Status</TableHead>
              <TableHead>Last run</TableHead>
              <TableHead>Error rate</TableHead>
              <TableHead className="sr-only">Actions</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {shown.map((w) => (
              <TableRow key={w.id} data-testid={`workflow-row-${w.name}`}>
                <TableCell>
                  <Link href={`/workflows/${w.id}`} className="font-medium hover:underline">
                    {w.name}
                  </Link>
                  {w.pausedReason && <div className="text-xs text-muted-foreground">{w.pausedReason}</div>}
                </TableCell>
                <TableCell>
                  <StatusBadge status={w.status} label={w.status === "published" ? `Published v${w.version}` : undefined} />
                </TableCell>
                <TableCell>
                  {w.lastRun ? (
                    <Link href={`/runs/${w.lastRun.id}`} className="flex items-center gap-2 hover:underline">
                      <StatusBadge status={w.lastRun.status as "succeeded"} />
                      <span className="text-xs text-muted-foreground">{new Date(w.lastRun.createdAt).toLocaleString()}</span>
                    </Link>
                  ) : (
                    <span className="text-sm text-muted-foreground">Never ran</span>
                  )}
                </TableCell>
                <TableCell title={w.runsConsidered ? `Over the last ${w.runsConsidered} runs` : undefined}>{w.errorRate === null ? "—" : `${Math.round(w.errorRate * 100)}%`}</TableCell>
                <TableCell className="text-right">{canEdit && <WorkflowRowMenu workflow={w} actions={actions} />}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
