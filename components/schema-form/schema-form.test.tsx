// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { realCatalog } from "@/components/canvas/catalog.test-helper";
import type { JsonSchema } from "@/lib/engine/graph";
import { withoutItem, itemCount } from "./array-field";
import { SchemaForm } from "./schema-form";
import { describeSchema, humanize } from "./schema-model";

afterEach(cleanup);

const actions = realCatalog().filter((entry) => entry.kind === "action");

describe("SchemaForm renders every operation in the real catalog", () => {
  it("has operations to render", () => {
    expect(actions.length).toBeGreaterThan(50);
  });

  it.each(actions.map((entry) => [entry.key, entry] as const))("%s", (_key, entry) => {
    const { container } = render(<SchemaForm schema={entry.inputSchema} values={{}} onChange={() => undefined} />);
    const required = entry.inputSchema.required ?? [];
    // Every required top-level field is labelled with a required mark.
    const marks = container.querySelectorAll("[data-required-mark]");
    expect(marks.length).toBeGreaterThanOrEqual(required.length);
    for (const name of required) {
      const label = humanize(name);
      const matches = screen.getAllByText((_, el) => el?.textContent?.replace(/\s+/g, " ").trim() === `${label}* (required)`);
      expect(matches.length, `required mark for ${name}`).toBeGreaterThan(0);
    }
  });
});

describe("SchemaForm editing", () => {
  const schema: JsonSchema = {
    type: "object",
    properties: {
      email: { type: "string", description: "Email address" },
      status: { type: "string", enum: ["open", "done"] },
      dnd: { type: "boolean" },
      tags: { type: "array", items: { type: "string" } },
      address: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
    },
    required: ["email"],
  };

  it("writes enum choices as literal mappings and shows descriptions", () => {
    let values = {};
    render(<SchemaForm schema={schema} values={{}} onChange={(v) => (values = v)} />);
    expect(screen.getByText("Email address")).toBeTruthy();
    fireEvent.change(screen.getByLabelText("Status"), { target: { value: "1" } });
    expect(values).toEqual({ status: { kind: "literal", value: "done" } });
  });

  it("adds list items and opens collapsed objects", () => {
    render(<SchemaForm schema={schema} values={{ "tags[0]": { kind: "literal", value: "vip" } }} onChange={() => undefined} />);
    expect(screen.getByRole("textbox", { name: "Tags 1" })).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: /Add tags item/ }));
    expect(screen.getByRole("textbox", { name: "Tags 2" })).toBeTruthy();
    const address = screen.getByRole("button", { name: /Address/ });
    expect(address.getAttribute("aria-expanded")).toBe("false");
    fireEvent.click(address);
    expect(screen.getByRole("textbox", { name: "City" })).toBeTruthy();
  });

  it("re-indexes list items when one is removed", () => {
    const values = { "tags[0]": { kind: "literal" as const, value: "a" }, "tags[1]": { kind: "literal" as const, value: "b" }, "items[0].name": { kind: "literal" as const, value: "x" } };
    expect(itemCount(values, "tags")).toBe(2);
    expect(withoutItem(values, "tags", 0)).toEqual({ "tags[0]": { kind: "literal", value: "b" } });
  });

  it("falls back to a free value for mixed unions", () => {
    expect(describeSchema({ anyOf: [{ type: "string" }, { type: "number" }] }, {}).shape).toEqual({ kind: "value", valueType: "any" });
    expect(describeSchema({ anyOf: [{ type: "string" }, { type: "null" }] }, {}).shape.kind).toBe("value");
  });
});
