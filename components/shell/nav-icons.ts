import {
  ActivityIcon,
  BookOpenIcon,
  CircleIcon,
  HistoryIcon,
  HouseIcon,
  KeyRoundIcon,
  LayoutDashboardIcon,
  PlugIcon,
  RefreshCwIcon,
  ScrollTextIcon,
  SettingsIcon,
  UsersIcon,
  WorkflowIcon,
  type LucideIcon,
} from "lucide-react";

// Icons are named by string so server components can pass nav data across the client boundary.
const navIcons = {
  home: HouseIcon,
  overview: HouseIcon,
  house: HouseIcon,
  dashboard: LayoutDashboardIcon,
  "layout-dashboard": LayoutDashboardIcon,
  workflows: WorkflowIcon,
  workflow: WorkflowIcon,
  runs: HistoryIcon,
  history: HistoryIcon,
  activity: ActivityIcon,
  connections: PlugIcon,
  plug: PlugIcon,
  sync: RefreshCwIcon,
  "refresh-cw": RefreshCwIcon,
  users: UsersIcon,
  "api-keys": KeyRoundIcon,
  key: KeyRoundIcon,
  "key-round": KeyRoundIcon,
  audit: ScrollTextIcon,
  "scroll-text": ScrollTextIcon,
  docs: BookOpenIcon,
  "book-open": BookOpenIcon,
  settings: SettingsIcon,
} satisfies Record<string, LucideIcon>;

export type NavIconName = keyof typeof navIcons;

/** Accepts map keys or lucide PascalCase names ("KeyRound" → "key-round"); unknown names get a dot. */
export function resolveNavIcon(name: string): LucideIcon {
  const key = name.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();
  return Object.hasOwn(navIcons, key) ? navIcons[key as NavIconName] : CircleIcon;
}
