/** next-auth configuration: email + password (argon2id), optional OIDC, JWT session cookie. */
import type { NextAuthOptions } from "next-auth";
import CredentialsProviderModule from "next-auth/providers/credentials";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/db/audit";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";
import { isHttpsUrl } from "@/lib/security-headers";
import { burnVerification, verifyPassword } from "./password";
import type { Role } from "./roles";
import { clientAddressOf } from "./client-address";
import { TooManyAttemptsError, assertNotLocked, clearFailures, recordFailure, signInKeys } from "./throttle";
import { findUserByEmail, normaliseEmail } from "./users";

// Plain Node (tsx scripts, benchmarks) hands over the CommonJS module object, bundlers its default.
const CredentialsProvider =
  (CredentialsProviderModule as unknown as { default?: typeof CredentialsProviderModule }).default ?? CredentialsProviderModule;

export async function authorizeCredentials(email: string, password: string, address: string) {
  const normalised = normaliseEmail(email);
  const keys = signInKeys(normalised, address);
  await assertNotLocked(keys);
  const user = await findUserByEmail(normalised);
  const ok = user?.passwordHash && !user.disabledAt ? await verifyPassword(user.passwordHash, password) : (await burnVerification(password), false);
  if (!ok || !user) {
    await recordFailure(keys);
    await recordAudit({ actorType: "system", action: "auth.sign_in_failed", target: normalised, details: { address } });
    return null;
  }
  // Only this (account, address) pair: the address's count across accounts stays.
  await clearFailures([keys[0]]);
  await db().user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  await recordAudit({ actorType: "user", actorId: user.id, action: "auth.sign_in" });
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

function oidcProvider(): NextAuthOptions["providers"] {
  const { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: clientId, OIDC_CLIENT_SECRET: clientSecret } = process.env;
  if (!issuer || !clientId || !clientSecret) return [];
  return [
    {
      id: "oidc",
      name: process.env.OIDC_NAME || "Single sign-on",
      type: "oauth",
      wellKnown: `${issuer.replace(/\/$/, "")}/.well-known/openid-configuration`,
      authorization: { params: { scope: "openid email profile" } },
      idToken: true,
      checks: ["pkce", "state"],
      clientId,
      clientSecret,
      profile: (profile: { sub: string; email?: string; name?: string }) => ({ id: profile.sub, email: profile.email, name: profile.name }),
    },
  ];
}

export function oidcEnabled(): { id: string; name: string } | undefined {
  return oidcProvider().length ? { id: "oidc", name: process.env.OIDC_NAME || "Single sign-on" } : undefined;
}

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  // Secure, __Secure-/__Host- prefixed cookies whenever the app is served over https.
  get useSecureCookies() {
    return isHttpsUrl(env().BLOOMBRIDGE_PUBLIC_URL);
  },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        if (!credentials?.email || !credentials.password) return null;
        try {
          return await authorizeCredentials(credentials.email, credentials.password, clientAddressOf(req?.headers));
        } catch (error) {
          if (error instanceof TooManyAttemptsError) throw error;
          logger.error({ err: error }, "sign-in failed unexpectedly");
          throw new Error("Sign-in is unavailable right now");
        }
      },
    }),
    ...oidcProvider(),
  ],
  callbacks: {
    async signIn({ user, account }) {
      if (account?.provider !== "oidc") return true;
      if (!user.email) return false;
      const email = normaliseEmail(user.email);
      const existing = await findUserByEmail(email);
      if (existing?.disabledAt) return false;
      const row =
        existing ??
        (await db().user.create({ data: { email, name: user.name ?? null, role: (process.env.OIDC_DEFAULT_ROLE as Role) || "viewer" } }));
      user.id = row.id;
      return true;
    },
    async jwt({ token, user }) {
      if (user?.id) token.uid = user.id;
      return token;
    },
    async session({ session, token }) {
      return { ...session, uid: token.uid };
    },
  },
  logger: {
    error: (code, metadata) => logger.warn({ code, metadata }, "next-auth"),
    warn: (code) => logger.debug({ code }, "next-auth"),
    debug: () => undefined,
  },
};
