// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, render, screen } from "@testing-library/react";

import { StatusBadge, statusBadgeStatuses } from "@/components/ui/status-badge";

afterEach(cleanup);

const expected = {
  draft: "Draft",
  published: "Published",
  paused: "Paused",
  succeeded: "Succeeded",
  filtered: "Stopped by filter",
  failed: "Failed",
  running: "Running",
  waiting: "Waiting",
  cancelled: "Cancelled",
  needs_reconnect: "Needs reconnect",
};

describe("StatusBadge", () => {
  it("covers every status", () => {
    expect([...statusBadgeStatuses].sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(Object.entries(expected))("renders %s with its label and an icon", (status, label) => {
    const { container } = render(<StatusBadge status={status} />);
    const badge = screen.getByText(label);
    expect(badge.getAttribute("data-status")).toBe(status);
    expect(container.querySelector("svg[aria-hidden='true']")).not.toBeNull();
  });

  it("gives failed and succeeded different colours", () => {
    render(
      <>
        <StatusBadge status="failed" />
        <StatusBadge status="succeeded" />
      </>,
    );
    expect(screen.getByText("Failed").className).toContain("text-destructive");
    expect(screen.getByText("Succeeded").className).toContain("text-success");
  });

  it("renders an unknown status neutrally instead of crashing", () => {
    render(<StatusBadge status="on_hold" />);
    expect(screen.getByText("on hold").className).toContain("text-muted-foreground");
  });

  it("accepts a label override", () => {
    render(<StatusBadge status="running" label="Syncing" />);
    expect(screen.getByText("Syncing")).toBeTruthy();
  });
});
