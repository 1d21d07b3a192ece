import { AlertDeliveriesTable } from "@/components/settings/alert-deliveries-table";
import { EncryptionKeyCard } from "@/components/settings/encryption-key-card";
import { GeneralSettingsForm } from "@/components/settings/general-settings-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/guard";
import { recentDeliveries } from "@/lib/db/alert-deliveries";
import { encryptionKeyStatus, readGeneralSettings } from "@/lib/settings/general";
import { rotateAlertSecretAction, saveGeneralSettingsAction, sendTestAlertAction } from "./actions";

export const metadata = { title: "Settings" };
export const dynamic = "force-dynamic";

export default async function GeneralSettingsPage() {
  const user = await requireUser();
  const [settings, deliveries, keys] = await Promise.all([readGeneralSettings(), recentDeliveries(20), encryptionKeyStatus()]);
  const canManage = user.role === "admin";
  return (
    <div className="space-y-6">
      <PageHeader title="Settings" description="Alerts for failed runs, automatic pausing, how long run history is kept, and the encryption key." />
      <GeneralSettingsForm
        canManage={canManage}
        initial={{
          emailTo: settings.alerts.emailTo.join(", "),
          webhookUrl: settings.alerts.webhookUrl ?? "",
          onFailure: settings.alerts.onFailure,
          onAutoPause: settings.alerts.onAutoPause,
          autoPauseAfter: settings.runs.autoPauseAfter,
          maxAgeDays: settings.retention.maxAgeDays,
          maxRunsPerWorkflow: settings.retention.maxRunsPerWorkflow,
        }}
        webhookSecret={canManage ? (settings.alerts.webhookSecret ?? null) : null}
        saveAction={saveGeneralSettingsAction}
        rotateSecretAction={rotateAlertSecretAction}
        testAlertAction={sendTestAlertAction}
      />
      <AlertDeliveriesTable
        deliveries={deliveries.map((d) => ({ id: d.id, kind: d.kind, channel: d.channel, target: d.target, status: d.status, subject: d.subject, error: d.error, createdAt: d.createdAt.toISOString() }))}
      />
      <EncryptionKeyCard status={keys} />
    </div>
  );
}
