"use client";

import { WandSparklesIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuGroup,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { transforms, type TransformDefinition, type TransformStep } from "@/lib/engine/mapping";

const CATEGORY_LABELS: Record<TransformDefinition["category"], string> = {
  text: "Text",
  name: "Names",
  date: "Dates",
  number: "Numbers",
  logic: "Logic",
  list: "Lists and objects",
};

const CATEGORIES = Object.keys(CATEGORY_LABELS) as TransformDefinition["category"][];

/** A new step with the transform's defaults filled in (when its params have any). */
export function newTransformStep(definition: TransformDefinition): TransformStep {
  const parsed = definition.params.safeParse({});
  const params = parsed.success && parsed.data && typeof parsed.data === "object" ? (parsed.data as Record<string, unknown>) : {};
  return Object.keys(params).length > 0 ? { transform: definition.key, params } : { transform: definition.key };
}

/** Picks a transform from the registry by category; no typing of transform names. */
export function TransformMenu({ onAdd, fieldName, disabled, open, onOpenChange }: { onAdd: (step: TransformStep) => void; fieldName: string; disabled?: boolean; open?: boolean; onOpenChange?: (open: boolean) => void }) {
  return (
    <DropdownMenu open={open} onOpenChange={onOpenChange}>
      <DropdownMenuTrigger asChild>
        <Button type="button" variant="ghost" size="icon-sm" aria-label={`Transform ${fieldName}`} title="Transform the value" disabled={disabled}>
          <WandSparklesIcon aria-hidden="true" />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="max-h-96 w-72 overflow-y-auto">
        {CATEGORIES.map((category, i) => {
          const items = transforms.filter((t) => t.category === category);
          if (items.length === 0) return null;
          return (
            <DropdownMenuGroup key={category}>
              {i > 0 && <DropdownMenuSeparator />}
              <DropdownMenuLabel className="text-xs text-muted-foreground">{CATEGORY_LABELS[category]}</DropdownMenuLabel>
              {items.map((t) => (
                <DropdownMenuItem key={t.key} onSelect={() => onAdd(newTransformStep(t))} className="flex-col items-start gap-0">
                  <span className="text-sm">{t.label}</span>
                  <span className="text-xs text-muted-foreground">{t.description}</span>
                </DropdownMenuItem>
              ))}
            </DropdownMenuGroup>
          );
        })}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
