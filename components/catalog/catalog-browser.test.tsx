// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { CatalogBrowser } from "./catalog-browser";
import type { CatalogListItem } from "./types";

afterEach(cleanup);

const items: CatalogListItem[] = [
  { key: "ghl.contact.created", kind: "trigger", connector: "ghl", connectorLabel: "HighLevel", resource: "contact", label: "Contact created", description: "Runs when a contact is added", deprecated: false, delivery: "webhook" },
  { key: "ghl.contact.upsert", kind: "action", connector: "ghl", connectorLabel: "HighLevel", resource: "contact", label: "Upsert contact", description: "Creates or updates a contact", deprecated: true },
  { key: "details-flowers.order.get", kind: "action", connector: "details-flowers", connectorLabel: "Details Flowers", resource: "order", label: "Get order", description: "Reads one order", deprecated: false },
];

describe("CatalogBrowser", () => {
  it("groups entries by connector and resource, linking each to its page", () => {
    render(<CatalogBrowser items={items} />);
    expect(screen.getByRole("heading", { name: "HighLevel" })).toBeTruthy();
    expect(screen.getByRole("heading", { name: "Details Flowers" })).toBeTruthy();
    expect(screen.getAllByTestId("catalog-entry")).toHaveLength(3);
    expect(screen.getByText("Upsert contact").closest("a")?.getAttribute("href")).toBe("/catalog/ghl.contact.upsert");
    expect(screen.getByText("Deprecated")).toBeTruthy();
  });

  it("filters as you type and says when nothing matches", () => {
    render(<CatalogBrowser items={items} />);
    const search = screen.getByRole("searchbox", { name: "Search the catalog" });
    fireEvent.change(search, { target: { value: "order" } });
    expect(screen.getAllByTestId("catalog-entry")).toHaveLength(1);
    expect(screen.queryByRole("heading", { name: "HighLevel" })).toBeNull();
    fireEvent.change(search, { target: { value: "invoice" } });
    expect(screen.getByText("Nothing matches")).toBeTruthy();
  });
});
