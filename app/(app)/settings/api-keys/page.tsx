import { ApiKeysPanel } from "@/components/settings/api-keys-panel";
import { PageHeader } from "@/components/ui/page-header";
import { listApiKeys } from "@/lib/auth/api-keys";
import { requireUser } from "@/lib/auth/guard";
import { createApiKeyAction, revokeApiKeyAction } from "./actions";

export const metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  const user = await requireUser();
  const keys = await listApiKeys();
  return (
    <div className="space-y-6">
      <PageHeader title="API keys" description="Keys authenticate scripts on /api/v1 with an Authorization: Bearer header. A key is shown once, when it is created." />
      <ApiKeysPanel
        canManage={user.role === "admin"}
        keys={keys.map((k) => ({ ...k, createdAt: k.createdAt.toISOString(), lastUsedAt: k.lastUsedAt?.toISOString() ?? null, revokedAt: k.revokedAt?.toISOString() ?? null }))}
        createAction={createApiKeyAction}
        revokeAction={revokeApiKeyAction}
      />
    </div>
  );
}
