// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";

const { signIn, router } = vi.hoisted(() => ({
  signIn: vi.fn(),
  router: { replace: vi.fn(), refresh: vi.fn(), push: vi.fn() },
}));
vi.mock("next-auth/react", () => ({ signIn }));
vi.mock("next/navigation", () => ({ useRouter: () => router }));

import { SignInForm } from "@/components/auth/sign-in-form";

async function submit(email = "ops@bloombridge.test", password = "hunter22") {
  fireEvent.change(screen.getByLabelText("Email"), { target: { value: email } });
  fireEvent.change(screen.getByLabelText("Password"), { target: { value: password } });
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name: "Sign in" }));
  });
}

beforeEach(() => {
  signIn.mockReset();
  router.replace.mockReset();
  router.refresh.mockReset();
});
afterEach(cleanup);

describe("SignInForm", () => {
  it.each([
    ["CredentialsSignin", "Wrong email or password."],
    ["invalid_credentials", "Wrong email or password."],
    ["too_many_attempts:42", "Too many failed attempts. Try again in 42 seconds."],
    ["too_many_attempts:1", "Too many failed attempts. Try again in 1 second."],
    ["Configuration", "Sign-in failed: Configuration"],
  ])("shows a clear message for %s", async (code, message) => {
    signIn.mockResolvedValue({ ok: false, error: code, status: 401, url: null });
    render(<SignInForm />);
    await submit();
    expect(screen.getByRole("alert").textContent).toBe(message);
    expect(router.replace).not.toHaveBeenCalled();
    expect(screen.getByRole("button", { name: "Sign in" }).hasAttribute("disabled")).toBe(false);
  });

  it("sends the credentials without a redirect and goes to the callback on success", async () => {
    signIn.mockResolvedValue({ ok: true, error: null, status: 200, url: "/" });
    render(<SignInForm callbackUrl="/workflows" />);
    await submit("a@b.test", "secret-pass");
    expect(signIn).toHaveBeenCalledWith("credentials", { email: "a@b.test", password: "secret-pass", redirect: false });
    expect(router.replace).toHaveBeenCalledWith("/workflows");
    expect(router.refresh).toHaveBeenCalled();
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("defaults to / and disables the button while pending", async () => {
    let resolve: (value: unknown) => void = () => undefined;
    signIn.mockReturnValue(new Promise((r) => (resolve = r)));
    render(<SignInForm />);
    await submit();
    expect(screen.getByRole("button", { name: "Sign in" }).hasAttribute("disabled")).toBe(true);
    await act(async () => resolve({ ok: true, error: null, status: 200, url: "/" }));
    expect(router.replace).toHaveBeenCalledWith("/");
  });

  it("shows an error passed in from the URL", () => {
    render(<SignInForm initialError="CredentialsSignin" />);
    expect(screen.getByRole("alert").textContent).toBe("Wrong email or password.");
  });

  it("offers single sign-on when configured", () => {
    render(<SignInForm oidc={{ id: "oidc", name: "Okta" }} callbackUrl="/runs" />);
    fireEvent.click(screen.getByRole("button", { name: "Sign in with Okta" }));
    expect(signIn).toHaveBeenCalledWith("oidc", { callbackUrl: "/runs" });
  });

  it("has no single sign-on button by default", () => {
    render(<SignInForm />);
    expect(screen.getAllByRole("button")).toHaveLength(1);
  });
});
