import { createElement } from "react";
import { iconFor } from "../node-visuals";

/** The icon of a step kind / resource (lucide component chosen from data). */
export function StepIcon({ kind, resource, className }: { kind: string; resource?: string; className?: string }) {
  return createElement(iconFor(kind, resource), { "aria-hidden": true, className });
}
