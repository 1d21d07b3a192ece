// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";

const { signOut, nav } = vi.hoisted(() => ({ signOut: vi.fn(), nav: { pathname: "/" } }));
vi.mock("next-auth/react", () => ({ signOut }));
vi.mock("next/navigation", () => ({
  usePathname: () => nav.pathname,
  useRouter: () => ({ push: vi.fn(), replace: vi.fn(), refresh: vi.fn(), prefetch: vi.fn() }),
}));

import { AppShell } from "@/components/shell/app-shell";
import { findActiveHref } from "@/components/shell/sidebar-nav";
import { resolveNavIcon } from "@/components/shell/nav-icons";

const NAV = [
  { href: "/", label: "Overview", icon: "home" },
  { href: "/workflows", label: "Workflows", icon: "workflows" },
  { href: "/connections", label: "Connections", icon: "Plug" },
  { href: "/settings/api-keys", label: "API keys", icon: "key" },
];

function renderShell(role: "admin" | "editor" | "viewer" = "editor") {
  return render(
    <AppShell user={{ email: "flo@bloombridge.test", name: "Flo", role }} nav={NAV} banner={<p>Reconnect HighLevel</p>}>
      <p>Page body</p>
    </AppShell>,
  );
}

beforeEach(() => signOut.mockReset());
afterEach(cleanup);

describe("AppShell", () => {
  it("highlights only the active nav item", () => {
    nav.pathname = "/workflows/wf_123/runs";
    renderShell();
    const navigation = screen.getByRole("navigation", { name: "Main" });
    const current = within(navigation).getAllByRole("link").filter((a) => a.getAttribute("aria-current") === "page");
    expect(current.map((a) => a.textContent)).toEqual(["Workflows"]);
  });

  it("treats / as active only on the home page", () => {
    nav.pathname = "/";
    renderShell();
    expect(screen.getByRole("link", { name: "Overview" }).getAttribute("aria-current")).toBe("page");
    expect(screen.getByRole("link", { name: "Workflows" }).getAttribute("aria-current")).toBeNull();
  });

  it("shows the user, role, banner and content", () => {
    nav.pathname = "/";
    renderShell("admin");
    const menu = screen.getByTestId("user-menu");
    expect(menu.textContent).toContain("Flo");
    expect(menu.textContent).toContain("flo@bloombridge.test");
    expect(within(menu).getByTestId("user-role").textContent).toBe("Admin");
    expect(screen.getByText("Reconnect HighLevel")).toBeTruthy();
    expect(screen.getByRole("main").textContent).toContain("Page body");
  });

  it.each([
    ["editor", "Editor"],
    ["viewer", "Viewer"],
  ] as const)("labels the %s role", (role, label) => {
    renderShell(role);
    expect(screen.getByTestId("user-role").textContent).toBe(label);
  });

  it("signs out to /sign-in from the user menu", async () => {
    renderShell();
    const trigger = screen.getByTestId("user-menu");
    await act(async () => {
      fireEvent.keyDown(trigger, { key: "Enter" });
    });
    const item = await screen.findByRole("menuitem", { name: "Sign out" });
    await act(async () => {
      fireEvent.click(item);
    });
    expect(signOut).toHaveBeenCalledWith({ callbackUrl: "/sign-in" });
  });
});

describe("nav helpers", () => {
  it("prefers the longest matching href", () => {
    expect(findActiveHref("/settings/api-keys/new", ["/", "/settings", "/settings/api-keys"])).toBe("/settings/api-keys");
    expect(findActiveHref("/workflowsx", ["/", "/workflows"])).toBeUndefined();
  });

  it("resolves map keys and lucide names, with a fallback", () => {
    expect(resolveNavIcon("KeyRound")).toBe(resolveNavIcon("key"));
    expect(resolveNavIcon("no-such-icon")).toBeTruthy();
  });
});
