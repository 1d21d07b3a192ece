"use client";

import * as React from "react";
import type { Session } from "next-auth";
import { SessionProvider } from "next-auth/react";

import { Toaster } from "@/components/ui/toaster";
import { TooltipProvider } from "@/components/ui/tooltip";
import { ThemeProvider } from "@/components/shell/theme-provider";

/** Everything the root layout needs on the client: session, theme, tooltips, toasts. */
export function Providers({ children, session, nonce }: { children: React.ReactNode; session?: Session | null; nonce?: string }) {
  return (
    <SessionProvider session={session}>
      <ThemeProvider nonce={nonce}>
        <TooltipProvider>
          {children}
          <Toaster />
        </TooltipProvider>
      </ThemeProvider>
    </SessionProvider>
  );
}
