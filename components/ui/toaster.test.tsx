// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest";
import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";

import { Toaster, dismissToast, toast } from "@/components/ui/toaster";

afterEach(() => {
  act(() => dismissToast());
  cleanup();
  vi.useRealTimers();
});

describe("Toaster", () => {
  it("announces errors as alerts and others as status", () => {
    render(<Toaster />);
    act(() => {
      toast.success("Workflow published");
      toast.error("Sync failed", "HighLevel returned 401");
    });
    expect(screen.getByRole("status").textContent).toContain("Workflow published");
    expect(screen.getByRole("alert").textContent).toContain("HighLevel returned 401");
  });

  it("dismisses on click and after its duration", () => {
    vi.useFakeTimers();
    render(<Toaster />);
    act(() => {
      toast({ title: "Saved", duration: 1000 });
      toast({ title: "Sticky", duration: 0 });
    });
    act(() => vi.advanceTimersByTime(1001));
    expect(screen.queryByText("Saved")).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Dismiss notification" }));
    expect(screen.queryByText("Sticky")).toBeNull();
  });

  it("keeps at most five", () => {
    render(<Toaster />);
    act(() => {
      for (let i = 1; i <= 7; i++) toast(`Toast ${i}`);
    });
    expect(screen.getAllByRole("status")).toHaveLength(5);
    expect(screen.queryByText("Toast 1")).toBeNull();
    expect(screen.getByText("Toast 7")).toBeTruthy();
  });

  it("runs an action and closes", () => {
    const onClick = vi.fn();
    render(<Toaster />);
    act(() => {
      toast({ title: "Run cancelled", action: { label: "Undo", onClick } });
    });
    fireEvent.click(screen.getByRole("button", { name: "Undo" }));
    expect(onClick).toHaveBeenCalledOnce();
    expect(screen.queryByText("Run cancelled")).toBeNull();
  });
});
