"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

import { cn } from "@/lib/utils";
import { resolveNavIcon } from "@/components/shell/nav-icons";
import type { ShellNavItem } from "@/components/shell/types";

/** The longest href that equals the path or is a parent segment of it wins, so only one item is active. */
export function findActiveHref(pathname: string, hrefs: string[]): string | undefined {
  const matches = hrefs.filter(
    (href) => pathname === href || (href !== "/" && pathname.startsWith(href.endsWith("/") ? href : `${href}/`)),
  );
  return matches.sort((a, b) => b.length - a.length)[0];
}

export function SidebarNav({
  nav,
  label = "Main",
  onNavigate,
}: {
  nav: ShellNavItem[];
  label?: string;
  onNavigate?: () => void;
}) {
  const pathname = usePathname() ?? "/";
  const activeHref = findActiveHref(pathname, nav.map((item) => item.href));
  return (
    <nav aria-label={label} data-slot="sidebar-nav">
      <ul className="flex flex-col gap-0.5">
        {nav.map((item) => {
          const Icon = resolveNavIcon(item.icon);
          const active = item.href === activeHref;
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                onClick={onNavigate}
                aria-current={active ? "page" : undefined}
                data-active={active}
                className={cn(
                  "relative flex h-9 items-center gap-3 rounded-md px-3 text-sm font-medium text-sidebar-foreground/80 outline-none transition-colors hover:bg-sidebar-accent/60 hover:text-sidebar-accent-foreground focus-visible:ring-[3px] focus-visible:ring-sidebar-ring/50",
                  active &&
                    "bg-sidebar-accent text-sidebar-accent-foreground before:absolute before:inset-y-2 before:left-0 before:w-[3px] before:rounded-full before:bg-sidebar-primary",
                )}
              >
                <Icon aria-hidden="true" className={cn("size-4 shrink-0", active ? "text-sidebar-primary" : "opacity-70")} />
                <span className="truncate">{item.label}</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
