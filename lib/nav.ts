/** The app's navigation, as data. Only pages that work are listed. */
export type NavItem = { href: string; label: string; icon: string };

export const NAV: NavItem[] = [
  { href: "/", label: "Overview", icon: "home" },
  { href: "/workflows", label: "Workflows", icon: "workflows" },
  { href: "/runs", label: "Runs", icon: "runs" },
  { href: "/backfills", label: "Backfills", icon: "sync" },
  { href: "/connections", label: "Connections", icon: "connections" },
  { href: "/catalog", label: "Catalog", icon: "book-open" },
  { href: "/settings/users", label: "Users", icon: "users" },
  { href: "/settings/api-keys", label: "API keys", icon: "key" },
  { href: "/settings/general", label: "Settings", icon: "settings" },
];
