// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { MapperContext } from "@/components/mapper/mapper-context";
import type { Mapping } from "@/lib/engine/mapping";
import { TestSection } from "./test-section";

afterEach(() => {
  cleanup();
  window.localStorage.clear();
});

const inputs: Record<string, Mapping> = {
  email: { kind: "ref", node: "trigger", path: "email" },
  firstName: { kind: "ref", node: "trigger", path: "firstName" },
};
/** What the mapper previews with when the trigger has only its catalog example. */
const exampleScope = { trigger: { email: "john.test@example.com", firstName: "John" } };

function renderSection(props: Partial<Parameters<typeof TestSection>[0]> = {}) {
  const onTest = vi.fn(async () => ({ output: { ok: true } }));
  render(
    <MapperContext.Provider value={{ sources: [], scope: exampleScope, readOnly: false, activeInputRef: { current: null } }}>
      <TestSection inputs={inputs} optional={["firstName"]} onTest={onTest} {...props} />
    </MapperContext.Provider>,
  );
  return onTest;
}

describe("Test this step", () => {
  it("sends the sample data the preview uses, example data included", async () => {
    const onTest = renderSection();
    fireEvent.click(screen.getByRole("button", { name: "Preview input" }));
    expect(await screen.findByLabelText("Input preview")).toHaveProperty("textContent", expect.stringContaining("John"));
    fireEvent.click(screen.getByRole("button", { name: "Test this step" }));
    await waitFor(() => expect(onTest).toHaveBeenCalledWith(exampleScope));
  });

  it("asks before a step that writes, naming the system, and can be told not to ask again", async () => {
    const onTest = renderSection({ writes: { system: "Details Flowers", label: "Create or update client" } });
    fireEvent.click(screen.getByRole("button", { name: "Test this step" }));
    const ask = screen.getByRole("alertdialog", { name: "Test for real?" });
    expect(ask.textContent).toContain("writes to Details Flowers for real");
    expect(onTest).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("alertdialog")).toBeNull();
    expect(onTest).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole("button", { name: "Test this step" }));
    fireEvent.click(screen.getByRole("checkbox", { name: /Don’t ask again/ }));
    fireEvent.click(screen.getByRole("button", { name: "Test for real" }));
    await waitFor(() => expect(onTest).toHaveBeenCalledTimes(1));

    await screen.findByText(/Test succeeded/);
    fireEvent.click(screen.getByRole("button", { name: "Test this step" }));
    await waitFor(() => expect(onTest).toHaveBeenCalledTimes(2));
    expect(screen.queryByRole("alertdialog")).toBeNull();
  });
});
