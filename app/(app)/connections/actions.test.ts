/** "Test connection" calls the provider and spends its rate budget: editors and admins only. */
import { beforeEach, expect, it, vi } from "vitest";
import type { Principal } from "@/lib/auth/principal";

const session = vi.hoisted(() => ({ principal: null as Principal | null }));
const tested = vi.hoisted(() => vi.fn(async () => ({ ok: true as const, ms: 1 })));

vi.mock("@/lib/auth/principal", () => ({ principalFromSession: async () => session.principal }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("@/lib/services/connections", async (original) => ({
  ...(await original<typeof import("@/lib/services/connections")>()),
  testConnection: tested,
}));

const { testConnectionAction } = await import("./actions");
const id = "6f9619ff-8b86-4d01-b42d-00c04fc964ff";
const user = (role: Principal["role"]): Principal => ({ kind: "user", id: "u1", email: "u@example.com", name: null, role });

beforeEach(() => tested.mockClear());

it("refuses a viewer without calling the provider", async () => {
  session.principal = user("viewer");
  expect(await testConnectionAction({ id })).toEqual({ ok: false, error: "This needs the editor role; you are viewer" });
  expect(tested).not.toHaveBeenCalled();
});

it.each(["editor", "admin"] as const)("lets an %s test a connection", async (role) => {
  session.principal = user(role);
  expect(await testConnectionAction({ id })).toEqual({ ok: true, data: { ok: true, ms: 1 } });
  expect(tested).toHaveBeenCalledWith(id);
});
