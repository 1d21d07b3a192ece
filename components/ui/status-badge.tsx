import * as React from "react";
import {
  BanIcon,
  CircleCheckIcon,
  CircleDashedIcon,
  CirclePauseIcon,
  CircleXIcon,
  FilterXIcon,
  FilePenIcon,
  HourglassIcon,
  LoaderCircleIcon,
  UnplugIcon,
  type LucideIcon,
} from "lucide-react";
import { cva } from "class-variance-authority";

import { cn } from "@/lib/utils";

const tones = {
  neutral: "bg-muted text-muted-foreground",
  primary: "bg-primary/10 text-primary",
  success: "bg-success/10 text-success",
  warning: "bg-warning/10 text-warning",
  danger: "bg-destructive/10 text-destructive",
  info: "bg-info/10 text-info",
} as const;

const statusBadgeVariants = cva(
  "inline-flex w-fit shrink-0 items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap [&>svg]:size-3.5 [&>svg]:shrink-0",
  { variants: { tone: tones }, defaultVariants: { tone: "neutral" } },
);

type StatusStyle = { label: string; tone: keyof typeof tones; icon: LucideIcon; spin?: boolean };

// Colour is never the only signal: every status also has its own icon and label.
const statusStyles = {
  draft: { label: "Draft", tone: "neutral", icon: FilePenIcon },
  published: { label: "Published", tone: "primary", icon: CircleCheckIcon },
  paused: { label: "Paused", tone: "warning", icon: CirclePauseIcon },
  succeeded: { label: "Succeeded", tone: "success", icon: CircleCheckIcon },
  filtered: { label: "Stopped by filter", tone: "neutral", icon: FilterXIcon },
  failed: { label: "Failed", tone: "danger", icon: CircleXIcon },
  running: { label: "Running", tone: "info", icon: LoaderCircleIcon, spin: true },
  waiting: { label: "Waiting", tone: "neutral", icon: HourglassIcon },
  cancelled: { label: "Cancelled", tone: "neutral", icon: BanIcon },
  needs_reconnect: { label: "Needs reconnect", tone: "warning", icon: UnplugIcon },
} satisfies Record<string, StatusStyle>;

type StatusBadgeStatus = keyof typeof statusStyles;

const statusBadgeStatuses = Object.keys(statusStyles) as StatusBadgeStatus[];

function isKnownStatus(status: string): status is StatusBadgeStatus {
  return Object.hasOwn(statusStyles, status);
}

function StatusBadge({
  status,
  label,
  className,
  ...props
}: Omit<React.ComponentProps<"span">, "children"> & {
  // Accepts any string so unexpected values from storage still render (neutrally).
  status: StatusBadgeStatus | (string & {});
  label?: string;
}) {
  const style: StatusStyle = isKnownStatus(status)
    ? statusStyles[status]
    : { label: status.replaceAll("_", " "), tone: "neutral", icon: CircleDashedIcon };
  const Icon = style.icon;
  return (
    <span
      data-slot="status-badge"
      data-status={status}
      className={cn(statusBadgeVariants({ tone: style.tone }), className)}
      {...props}
    >
      <Icon aria-hidden="true" className={cn(style.spin && "motion-safe:animate-spin")} />
      {label ?? style.label}
    </span>
  );
}

export { StatusBadge, statusBadgeVariants, statusBadgeStatuses, statusStyles, type StatusBadgeStatus };
