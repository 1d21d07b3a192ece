import * as React from "react";

import { BloombridgeLogo } from "@/components/shell/logo";
import { MobileNav } from "@/components/shell/mobile-nav";
import { SidebarContent } from "@/components/shell/sidebar-content";
import type { ShellNavItem, ShellUser } from "@/components/shell/types";

export type { ShellNavItem, ShellRole, ShellUser } from "@/components/shell/types";
export type { NavIconName } from "@/components/shell/nav-icons";

/** Signed-in layout. Server-renderable; the interactive parts (nav, user menu, sheet) are client islands. */
export function AppShell({
  user,
  nav,
  banner,
  children,
}: {
  user: ShellUser;
  nav: ShellNavItem[];
  banner?: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <div data-slot="app-shell" className="flex min-h-svh bg-background">
      <a
        href="#main-content"
        className="sr-only z-50 rounded-md bg-primary px-3 py-2 text-sm text-primary-foreground focus:not-sr-only focus:fixed focus:top-3 focus:left-3"
      >
        Skip to content
      </a>
      <aside className="sticky top-0 hidden h-svh w-64 shrink-0 border-r border-sidebar-border md:block">
        <SidebarContent user={user} nav={nav} />
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="sticky top-0 z-40 flex h-14 items-center gap-2 border-b bg-background/95 px-3 backdrop-blur md:hidden">
          <MobileNav user={user} nav={nav} />
          <BloombridgeLogo />
        </header>
        {banner && <div data-slot="app-shell-banner">{banner}</div>}
        <main id="main-content" tabIndex={-1} className="flex-1 px-4 py-6 outline-none md:px-8 md:py-8">
          {children}
        </main>
      </div>
    </div>
  );
}
