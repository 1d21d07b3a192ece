import Link from "next/link";

import { BloombridgeLogo } from "@/components/shell/logo";
import { SidebarNav } from "@/components/shell/sidebar-nav";
import { UserMenu } from "@/components/shell/user-menu";
import type { ShellNavItem, ShellUser } from "@/components/shell/types";

export function SidebarContent({
  user,
  nav,
  onNavigate,
}: {
  user: ShellUser;
  nav: ShellNavItem[];
  onNavigate?: () => void;
}) {
  return (
    <div data-slot="sidebar-content" className="flex h-full flex-col bg-sidebar text-sidebar-foreground">
      <div className="flex h-14 shrink-0 items-center px-4">
        <Link
          href="/"
          onClick={onNavigate}
          className="rounded-md outline-none focus-visible:ring-[3px] focus-visible:ring-sidebar-ring/50"
        >
          <BloombridgeLogo />
        </Link>
      </div>
      <div className="flex-1 overflow-y-auto px-3 py-2">
        <SidebarNav nav={nav} onNavigate={onNavigate} />
      </div>
      <div className="shrink-0 border-t border-sidebar-border p-3">
        <UserMenu user={user} />
      </div>
    </div>
  );
}
