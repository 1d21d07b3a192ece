import { ReconnectBanner } from "@/components/connections/reconnect-banner";
import { AppShell } from "@/components/shell/app-shell";
import { requireUser } from "@/lib/auth/guard";
import { NAV } from "@/lib/nav";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  return (
    <AppShell user={{ email: user.email, name: user.name, role: user.role }} nav={NAV} banner={<ReconnectBanner />}>
      {children}
    </AppShell>
  );
}
