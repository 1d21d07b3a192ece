import { BackfillsPanel } from "@/components/backfills/backfills-panel";
import { PageHeader } from "@/components/ui/page-header";
import { backfillViews } from "@/lib/api/backfills";
import { hasRole } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/guard";
import { getTrigger } from "@/lib/connectors/registry";
import { db } from "@/lib/db/client";
import { BACKFILL_TRIGGER_KEYS } from "@/lib/engine/backfill/scope";

export const metadata = { title: "Backfills" };
export const dynamic = "force-dynamic";

export default async function BackfillsPage() {
  const user = await requireUser();
  const [initial, workflows, connections] = await Promise.all([
    backfillViews(),
    db().workflow.findMany({
      where: { enabled: true, publishedVersion: { triggerKey: { in: [...BACKFILL_TRIGGER_KEYS] } } },
      select: { id: true, name: true, publishedVersion: { select: { triggerKey: true } } },
      orderBy: { name: "asc" },
    }),
    db().connection.findMany({ where: { provider: "ghl", status: "active" }, select: { id: true, label: true }, orderBy: { label: "asc" } }),
  ]);
  const options = workflows.map((w) => {
    const key = w.publishedVersion?.triggerKey ?? "";
    return { id: w.id, name: w.name, triggerLabel: getTrigger(key)?.label ?? key };
  });
  return (
    <div className="space-y-6">
      <PageHeader title="Backfills" description="Sync the contacts you already have in GHL, with their tasks, notes and appointments, through a published workflow." />
      <BackfillsPanel initial={initial} canEdit={hasRole(user.role, "editor")} workflows={options} connections={connections} />
    </div>
  );
}
