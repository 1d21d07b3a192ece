import * as React from "react";

import { cn } from "@/lib/utils";

const PETAL_ANGLES = [0, 72, 144, 216, 288];

/** The Bloombridge mark: a bloom above a bridge. Fixed colours so it reads on light and dark. */
function BloombridgeMark({ className, ...props }: React.ComponentProps<"svg">) {
  return (
    <svg
      viewBox="0 0 32 32"
      aria-hidden="true"
      data-slot="bloombridge-mark"
      className={cn("size-8 shrink-0", className)}
      {...props}
    >
      <rect width="32" height="32" rx="8" fill="#165e3c" />
      <path
        d="M5 24C9 15 23 15 27 24M4 24h24"
        fill="none"
        stroke="#f4faf5"
        strokeWidth="2.4"
        strokeLinecap="round"
      />
      <g fill="#f8acb9">
        {PETAL_ANGLES.map((angle) => (
          <ellipse key={angle} cx="16" cy="7.1" rx="2.1" ry="2.9" transform={`rotate(${angle} 16 10)`} />
        ))}
      </g>
      <circle cx="16" cy="10" r="1.7" fill="#f6d476" />
    </svg>
  );
}

function BloombridgeLogo({ className, ...props }: React.ComponentProps<"span">) {
  return (
    <span data-slot="bloombridge-logo" className={cn("inline-flex items-center gap-2", className)} {...props}>
      <BloombridgeMark />
      <span className="text-base font-semibold tracking-tight">Bloombridge</span>
    </span>
  );
}

export { BloombridgeMark, BloombridgeLogo };
