"use client";

import * as React from "react";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { CircleAlertIcon } from "lucide-react";

import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Separator } from "@/components/ui/separator";
import { Spinner } from "@/components/ui/spinner";
import { signInErrorMessage } from "@/components/auth/sign-in-errors";

export function SignInForm({
  callbackUrl,
  oidc,
  initialError,
}: {
  callbackUrl?: string;
  oidc?: { id: string; name: string };
  /** An error code from the URL (next-auth redirects back with ?error=…). */
  initialError?: string;
}) {
  const router = useRouter();
  const [error, setError] = React.useState(initialError ? signInErrorMessage(initialError) : null);
  const [pending, setPending] = React.useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const result = await signIn("credentials", {
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
        redirect: false,
      });
      if (!result || result.error || !result.ok) {
        setError(signInErrorMessage(result?.error ?? "unknown_error"));
        setPending(false);
        return;
      }
      // Stay pending while the next page loads so the button can't be pressed twice.
      router.replace(callbackUrl ?? "/");
      router.refresh();
    } catch (cause) {
      setError(signInErrorMessage(cause instanceof Error ? cause.message : "network_error"));
      setPending(false);
    }
  }

  return (
    <div className="grid gap-6">
      <form onSubmit={onSubmit} className="grid gap-4" aria-busy={pending}>
        {error && (
          <Alert variant="destructive">
            <CircleAlertIcon aria-hidden="true" />
            <AlertDescription>{error}</AlertDescription>
          </Alert>
        )}
        <div className="grid gap-2">
          <Label htmlFor="sign-in-email">Email</Label>
          <Input id="sign-in-email" name="email" type="email" autoComplete="username" required autoFocus />
        </div>
        <div className="grid gap-2">
          <Label htmlFor="sign-in-password">Password</Label>
          <Input id="sign-in-password" name="password" type="password" autoComplete="current-password" required />
        </div>
        <Button type="submit" disabled={pending} className="w-full">
          {pending && <Spinner aria-hidden="true" />}
          Sign in
        </Button>
      </form>
      {oidc && (
        <>
          <div className="flex items-center gap-3 text-xs text-muted-foreground">
            <Separator className="flex-1" />
            or
            <Separator className="flex-1" />
          </div>
          <Button
            variant="outline"
            className="w-full"
            disabled={pending}
            onClick={() => {
              setPending(true);
              void signIn(oidc.id, { callbackUrl: callbackUrl ?? "/" });
            }}
          >
            Sign in with {oidc.name}
          </Button>
        </>
      )}
    </div>
  );
}
