/** Small shared bits of the mapper: a type tag and a truncated example value. */
import { cn } from "@/lib/utils";

export function TypeTag({ type, className }: { type: string; className?: string }) {
  return <span className={cn("shrink-0 rounded bg-muted px-1 font-mono text-[0.65rem] text-muted-foreground", className)}>{type}</span>;
}

export function ValueExample({ value }: { value: unknown }) {
  if (value === undefined || value === null || value === "") return null;
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return <span className="max-w-32 shrink truncate text-xs text-muted-foreground">{text}</span>;
}
