import { redirect } from "next/navigation";
import { SignInCard } from "@/components/auth/sign-in-card";
import { SignInForm } from "@/components/auth/sign-in-form";
import { oidcEnabled } from "@/lib/auth/options";
import { principalFromSession } from "@/lib/auth/principal";

export const metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  if (await principalFromSession()) redirect("/");
  const { callbackUrl, error } = await searchParams;
  // Only same-site paths: an open redirect here would let a link send users anywhere.
  const safeCallback = callbackUrl?.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : "/";
  return (
    <SignInCard>
      <SignInForm callbackUrl={safeCallback} oidc={oidcEnabled()} initialError={error} />
    </SignInCard>
  );
}
