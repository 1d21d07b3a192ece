import * as React from "react";
import type { LucideIcon } from "lucide-react";

import { cn } from "@/lib/utils";

function EmptyState({
  icon,
  title,
  description,
  action,
  className,
  ...props
}: Omit<React.ComponentProps<"div">, "title"> & {
  icon?: LucideIcon | React.ReactElement;
  title: React.ReactNode;
  description?: React.ReactNode;
  action?: React.ReactNode;
}) {
  const Icon = icon && !React.isValidElement(icon) ? (icon as LucideIcon) : null;
  return (
    <div
      data-slot="empty-state"
      className={cn(
        "flex flex-col items-center justify-center gap-3 rounded-xl border border-dashed px-6 py-12 text-center",
        className,
      )}
      {...props}
    >
      {icon && (
        <div
          data-slot="empty-state-icon"
          aria-hidden="true"
          className="flex size-12 items-center justify-center rounded-full bg-primary/10 text-primary [&_svg:not([class*='size-'])]:size-6"
        >
          {Icon ? <Icon /> : (icon as React.ReactElement)}
        </div>
      )}
      <div className="flex max-w-md flex-col gap-1">
        <h2 data-slot="empty-state-title" className="text-base font-semibold">
          {title}
        </h2>
        {description && (
          <p data-slot="empty-state-description" className="text-sm text-balance text-muted-foreground">
            {description}
          </p>
        )}
      </div>
      {action && (
        <div data-slot="empty-state-action" className="mt-2 flex flex-wrap items-center justify-center gap-2">
          {action}
        </div>
      )}
    </div>
  );
}

export { EmptyState };
