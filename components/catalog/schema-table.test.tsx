// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, render, screen } from "@testing-library/react";
import { catalogEntry } from "@/lib/engine/catalog";
import { SchemaTable } from "./schema-table";

afterEach(cleanup);

describe("SchemaTable", () => {
  it("renders a real operation's input fields, nested ones indented", () => {
    const entry = catalogEntry("details-flowers.client.upsert");
    render(<SchemaTable schema={entry?.inputSchema ?? {}} emptyText="none" />);
    expect(screen.getAllByTestId("schema-field").length).toBeGreaterThan(5);
    expect(screen.getByText("ghlContactId")).toBeTruthy();
    const nested = screen.getByText("line1").closest("td");
    expect(nested?.style.paddingLeft).toBe("1.75rem");
    expect(screen.getByText("Street address, first line")).toBeTruthy();
  });

  it("marks required fields", () => {
    render(<SchemaTable schema={{ type: "object", properties: { id: { type: "string" }, note: { type: "string" } }, required: ["id"] }} emptyText="none" />);
    expect(screen.getAllByText("required")).toHaveLength(1);
    expect(screen.getAllByText("optional")).toHaveLength(1);
  });

  it("renders one table per option of a union, and the empty text when there are no fields", () => {
    render(<SchemaTable schema={catalogEntry("logic.delay")?.inputSchema ?? {}} emptyText="none" />);
    expect(screen.getByText("mode: duration")).toBeTruthy();
    expect(screen.getByText("mode: until")).toBeTruthy();
    cleanup();
    render(<SchemaTable schema={{}} emptyText="This step takes no input." />);
    expect(screen.getByText("This step takes no input.")).toBeTruthy();
  });
});
