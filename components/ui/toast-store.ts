import { useSyncExternalStore } from "react";

export type ToastVariant = "default" | "success" | "error" | "warning" | "info";

export type ToastInput = {
  title: string;
  description?: string;
  variant?: ToastVariant;
  /** Milliseconds before auto-dismiss; 0 keeps it until dismissed. */
  duration?: number;
  action?: { label: string; onClick: () => void };
};

export type ToastItem = ToastInput & { id: string; variant: ToastVariant };

const MAX_TOASTS = 5;
// Errors stay longer: people need time to read what went wrong.
const DEFAULT_DURATION: Record<ToastVariant, number> = {
  default: 5000,
  success: 4000,
  info: 5000,
  warning: 7000,
  error: 9000,
};

const EMPTY: ToastItem[] = [];
let toasts: ToastItem[] = EMPTY;
let counter = 0;
const listeners = new Set<() => void>();
const timers = new Map<string, ReturnType<typeof setTimeout>>();

function emit(next: ToastItem[]) {
  toasts = next;
  for (const listener of listeners) listener();
}

export function dismissToast(id?: string) {
  const ids = id ? [id] : toasts.map((t) => t.id);
  for (const key of ids) {
    clearTimeout(timers.get(key));
    timers.delete(key);
  }
  emit(id ? toasts.filter((t) => t.id !== id) : EMPTY);
}

function show(input: ToastInput | string): string {
  const fields = typeof input === "string" ? { title: input } : input;
  const item: ToastItem = { ...fields, variant: fields.variant ?? "default", id: `toast-${++counter}` };
  const next = [...toasts, item];
  const dropped = next.slice(0, Math.max(0, next.length - MAX_TOASTS));
  for (const old of dropped) {
    clearTimeout(timers.get(old.id));
    timers.delete(old.id);
  }
  emit(next.slice(dropped.length));
  const duration = item.duration ?? DEFAULT_DURATION[item.variant];
  if (duration > 0) timers.set(item.id, setTimeout(() => dismissToast(item.id), duration));
  return item.id;
}

type Shortcut = (title: string, description?: string) => string;
const shortcut =
  (variant: ToastVariant): Shortcut =>
  (title, description) =>
    show({ title, description, variant });

export const toast = Object.assign(show, {
  success: shortcut("success"),
  error: shortcut("error"),
  warning: shortcut("warning"),
  info: shortcut("info"),
  dismiss: dismissToast,
});

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useToasts(): ToastItem[] {
  return useSyncExternalStore(
    subscribe,
    () => toasts,
    () => EMPTY,
  );
}
