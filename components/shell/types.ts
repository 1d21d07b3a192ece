import type { NavIconName } from "@/components/shell/nav-icons";

export type ShellRole = "admin" | "editor" | "viewer";

export type ShellUser = { email: string; name?: string | null; role: ShellRole };

export type ShellNavItem = { href: string; label: string; icon: NavIconName | (string & {}) };
