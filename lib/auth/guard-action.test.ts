import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { action } from "./guard";

vi.mock("./principal", async (importOriginal) => ({
  ...(await importOriginal<typeof import("./principal")>()),
  principalFromSession: async () => ({ kind: "user", id: "u-1", email: "e@example.com", name: "Editor", role: "editor" }),
}));

describe("server actions", () => {
  const rename = action("editor", z.object({ name: z.string() }), async ({ name }) => ({ name }));

  it("refuse text PostgreSQL cannot store before the action runs, naming the field", async () => {
    expect(await rename({ name: "Nul\u0000Byte" })).toEqual({ ok: false, error: "Some text cannot be stored", fields: [{ field: "name", message: expect.stringContaining("NUL") }] });
    expect(await rename({ name: "\udc00" })).toMatchObject({ ok: false, fields: [{ field: "name", message: expect.stringContaining("surrogate") }] });
    expect(await rename({ name: "Rose 🌷" })).toEqual({ ok: true, data: { name: "Rose 🌷" } });
  });
});
