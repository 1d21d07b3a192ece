/** Icons, colours and words for nodes and palette items; kept as data, not in components. */
import {
  CalendarClockIcon,
  CalendarDaysIcon,
  FunnelIcon,
  GitBranchIcon,
  HistoryIcon,
  ListChecksIcon,
  RepeatIcon,
  ShoppingBagIcon,
  StickyNoteIcon,
  TimerIcon,
  UserRoundIcon,
  WebhookIcon,
  WorkflowIcon,
  ZapIcon,
  type LucideIcon,
} from "lucide-react";
import type { GraphNode } from "@/lib/engine/graph";

export const CONNECTOR_LABELS: Record<string, string> = {
  ghl: "HighLevel",
  "details-flowers": "Details Flowers",
  webhook: "Webhook",
  logic: "Logic",
};

/** Tailwind classes for the connector's icon tile (theme tokens, so dark mode follows). */
export const CONNECTOR_TONES: Record<string, string> = {
  ghl: "bg-info/10 text-info",
  "details-flowers": "bg-rose/10 text-rose",
  webhook: "bg-muted text-muted-foreground",
  logic: "bg-warning/10 text-warning",
};

const RESOURCE_ICONS: Record<string, LucideIcon> = {
  contact: UserRoundIcon,
  client: UserRoundIcon,
  note: StickyNoteIcon,
  task: ListChecksIcon,
  appointment: CalendarClockIcon,
  event: CalendarDaysIcon,
  "client-event": CalendarDaysIcon,
  order: ShoppingBagIcon,
  change: HistoryIcon,
  webhook: WebhookIcon,
};

const LOGIC_ICONS: Record<string, LucideIcon> = {
  filter: FunnelIcon,
  branch: GitBranchIcon,
  loop: RepeatIcon,
  delay: TimerIcon,
};

export function iconFor(kind: string, resource: string | undefined): LucideIcon {
  if (kind === "trigger") return ZapIcon;
  return LOGIC_ICONS[kind] ?? (resource ? RESOURCE_ICONS[resource] : undefined) ?? WorkflowIcon;
}

export function connectorOfKey(key: string): string {
  if (key.startsWith("logic.")) return "logic";
  if (key.startsWith("details-flowers.")) return "details-flowers";
  return key.split(".")[0] ?? "logic";
}

const FIXED_HANDLE_LABELS: Record<string, string> = {
  out: "Next",
  error: "On error",
  true: "True",
  false: "False",
  default: "Otherwise",
  each: "Each item",
  done: "Done",
};

/** What an output is called on the canvas: case labels for switch outputs. */
export function handleLabel(node: GraphNode, handle: string): string {
  if (node.kind === "branch" && node.mode === "switch") {
    const found = node.cases.find((c) => c.id === handle);
    if (found) return found.label || "Unnamed case";
  }
  return FIXED_HANDLE_LABELS[handle] ?? handle;
}
