"use client";

import * as React from "react";
import { CircleCheckIcon, CircleXIcon, InfoIcon, TriangleAlertIcon, XIcon, type LucideIcon } from "lucide-react";
import { cva } from "class-variance-authority";

import { cn } from "@/lib/utils";
import { dismissToast, useToasts, type ToastItem, type ToastVariant } from "@/components/ui/toast-store";

export { toast, dismissToast, useToasts, type ToastInput, type ToastItem, type ToastVariant } from "@/components/ui/toast-store";

const toastVariants = cva(
  "pointer-events-auto relative flex w-full items-start gap-3 rounded-lg border bg-popover p-4 pr-10 text-popover-foreground shadow-lg animate-toast-in [&>svg]:mt-0.5 [&>svg]:size-4 [&>svg]:shrink-0",
  {
    variants: {
      variant: {
        default: "",
        success: "[&>svg]:text-success",
        error: "border-destructive/40 [&>svg]:text-destructive",
        warning: "[&>svg]:text-warning",
        info: "[&>svg]:text-info",
      },
    },
    defaultVariants: { variant: "default" },
  },
);

const icons: Record<ToastVariant, LucideIcon | null> = {
  default: null,
  success: CircleCheckIcon,
  error: CircleXIcon,
  warning: TriangleAlertIcon,
  info: InfoIcon,
};

function Toast({ item, dismissLabel }: { item: ToastItem; dismissLabel: string }) {
  const Icon = icons[item.variant];
  return (
    <li
      data-slot="toast"
      data-variant={item.variant}
      role={item.variant === "error" ? "alert" : "status"}
      className={toastVariants({ variant: item.variant })}
    >
      {Icon && <Icon aria-hidden="true" />}
      <div className="grid flex-1 gap-1">
        <p className="text-sm font-medium">{item.title}</p>
        {item.description && <p className="text-sm text-muted-foreground">{item.description}</p>}
        {item.action && (
          <button
            type="button"
            onClick={() => {
              item.action?.onClick();
              dismissToast(item.id);
            }}
            className="mt-1 w-fit rounded-sm text-sm font-medium text-primary underline-offset-4 outline-none hover:underline focus-visible:ring-2 focus-visible:ring-ring"
          >
            {item.action.label}
          </button>
        )}
      </div>
      <button
        type="button"
        aria-label={dismissLabel}
        onClick={() => dismissToast(item.id)}
        className="absolute top-3 right-3 rounded-sm p-0.5 text-muted-foreground outline-none hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring"
      >
        <XIcon aria-hidden="true" className="size-4" />
      </button>
    </li>
  );
}

/** Renders the toast store. Mount once (Providers does). */
function Toaster({
  className,
  label = "Notifications",
  dismissLabel = "Dismiss notification",
}: {
  className?: string;
  label?: string;
  dismissLabel?: string;
}) {
  const toasts = useToasts();
  return (
    <section
      data-slot="toaster"
      aria-label={label}
      className={cn(
        "pointer-events-none fixed right-0 bottom-0 z-[100] flex w-full flex-col p-4 sm:max-w-sm",
        className,
      )}
    >
      <ol className="flex flex-col gap-2">
        {toasts.map((item) => (
          <Toast key={item.id} item={item} dismissLabel={dismissLabel} />
        ))}
      </ol>
    </section>
  );
}

export { Toaster, toastVariants };
