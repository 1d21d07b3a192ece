import { UsersPanel } from "@/components/settings/users-panel";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/guard";
import { listUsers } from "@/lib/services/users";
import { changeRoleAction, inviteUserAction, removeUserAction } from "./actions";

export const metadata = { title: "Users" };

export default async function UsersPage() {
  const me = await requireUser();
  const users = await listUsers();
  return (
    <div className="space-y-6">
      <PageHeader title="Users" description="Admins manage everything; editors build and run workflows; viewers see everything but change nothing." />
      <UsersPanel
        me={me.id}
        canManage={me.role === "admin"}
        users={users.map((u) => ({ id: u.id, email: u.email, name: u.name, role: u.role, createdAt: u.createdAt.toISOString(), lastLoginAt: u.lastLoginAt?.toISOString() ?? null, sso: !u.passwordHash }))}
        invite={inviteUserAction}
        changeRole={changeRoleAction}
        remove={removeUserAction}
      />
    </div>
  );
}
