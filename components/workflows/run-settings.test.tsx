// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest";
import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { RequestLimit } from "@/components/connections/request-limit";
import { RunSettings } from "./run-settings";

afterEach(cleanup);

async function submit(value: string) {
  fireEvent.change(screen.getByLabelText(/^Max concurrent/), { target: { value } });
  await act(async () => void fireEvent.click(screen.getByRole("button", { name: "Save" })));
}

describe("Run settings", () => {
  it("checks the value with the server's own rule before saving it", async () => {
    const save = vi.fn(async (input: { id: string; maxConcurrentRuns: number }) => ({ ok: true as const, data: { maxConcurrentRuns: input.maxConcurrentRuns } }));
    render(<RunSettings workflowId="wf-1" maxConcurrentRuns={10} canEdit save={save} />);
    fireEvent.click(screen.getByRole("button", { name: /Run settings/ }));
    expect((screen.getByLabelText("Max concurrent runs") as HTMLInputElement).value).toBe("10");

    await submit("0");
    expect(screen.getByRole("alert").textContent).toBe("Max concurrent runs must be between 1 and 100");
    await submit("lots");
    expect(screen.getByRole("alert").textContent).toBe("Max concurrent runs must be a number between 1 and 100");
    expect(save).not.toHaveBeenCalled();

    await submit("5");
    expect(save).toHaveBeenCalledWith({ id: "wf-1", maxConcurrentRuns: 5 });
    expect(screen.queryByLabelText("Max concurrent runs")).toBeNull();
  });

  it("shows the server's field message when it refuses", async () => {
    const save = async () => ({ ok: false as const, error: "Some fields are invalid", fields: [{ field: "maxConcurrentRuns", message: "Max concurrent runs must be between 1 and 100" }] });
    render(<RunSettings workflowId="wf-1" maxConcurrentRuns={10} canEdit save={save} />);
    fireEvent.click(screen.getByRole("button", { name: /Run settings/ }));
    await submit("7");
    expect(screen.getByRole("alert").textContent).toBe("Max concurrent runs must be between 1 and 100");
  });
});

describe("Requests at once", () => {
  it("shows the default and in-flight count; blank saves null to go back to the default", async () => {
    const save = vi.fn(async (input: { id: string; maxConcurrentRequests: number | null }) => ({ ok: true as const, data: { maxConcurrentRequests: input.maxConcurrentRequests } }));
    render(<RequestLimit connectionId="c-1" provider="ghl" own={8} limit={8} inFlight={3} canManage save={save} />);
    expect(screen.getByTestId("request-limit").textContent).toContain("Requests at once: 8 · 3 in flight");
    fireEvent.click(screen.getByRole("button", { name: "Change" }));
    expect((screen.getByLabelText("Max concurrent requests") as HTMLInputElement).placeholder).toBe("Default: 4");
    await submit("51");
    expect(screen.getByRole("alert").textContent).toBe("Max concurrent requests must be between 1 and 50");
    await submit(" ");
    expect(save).toHaveBeenCalledWith({ id: "c-1", maxConcurrentRequests: null });
  });
});
