"use client";

import { useId, useState, useTransition, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { toast } from "@/components/ui/toaster";
import { errorText } from "@/components/workflows/types";
import type { ActionResult } from "@/lib/auth/guard";

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

type Props<T> = {
  trigger: ReactNode;
  title: string;
  description: string;
  inputLabel: string;
  initial: string;
  placeholder?: string;
  disabled?: boolean;
  /** The same zod field the server validates with, so the message is the server's. */
  parse: (text: string) => Parsed<T>;
  save: (value: T) => Promise<ActionResult<unknown>>;
  saved: (value: T) => string;
  testId: string;
};

/** A small popover that edits one numeric setting, checked in the browser and again on the server. */
export function NumberSettingPopover<T>({ trigger, title, description, inputLabel, initial, placeholder, disabled, parse, save, saved, testId }: Props<T>) {
  const inputId = useId();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();

  const submit = () => {
    const parsed = parse(text);
    if (!parsed.ok) return setError(parsed.message);
    start(async () => {
      const result = await save(parsed.value);
      if (!result.ok) return setError(errorText(result));
      setError(null);
      setOpen(false);
      toast.success(saved(parsed.value));
    });
  };

  return (
    <Popover
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) {
          setText(initial);
          setError(null);
        }
      }}
    >
      <PopoverTrigger asChild disabled={disabled}>
        {trigger}
      </PopoverTrigger>
      <PopoverContent align="end" data-testid={testId}>
        <form
          className="space-y-3"
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <div className="space-y-1">
            <p className="text-sm font-medium">{title}</p>
            <p className="text-xs text-muted-foreground">{description}</p>
          </div>
          <div className="space-y-1">
            <Label htmlFor={inputId}>{inputLabel}</Label>
            <Input
              id={inputId}
              inputMode="numeric"
              value={text}
              placeholder={placeholder}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${inputId}-error` : undefined}
              onChange={(event) => setText(event.target.value)}
            />
            {error && (
              <p id={`${inputId}-error`} role="alert" className="text-xs text-destructive">
                {error}
              </p>
            )}
          </div>
          <div className="flex justify-end">
            <Button type="submit" size="sm" disabled={pending}>
              Save
            </Button>
          </div>
        </form>
      </PopoverContent>
    </Popover>
  );
}

/** The input's text as a number for the zod field to check; blank is null (use the default). */
export function numberFrom(text: string): number | null {
  const trimmed = text.trim();
  return trimmed === "" ? null : Number(trimmed);
}
