import type { Metadata } from "next";
import { headers } from "next/headers";
import { Providers } from "@/components/shell/providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Bloombridge", template: "%s · Bloombridge" },
  description: "Workflows that keep HighLevel and Details Flowers in sync",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // proxy.ts's per-request CSP nonce, for the theme's inline script (Next adds it to its own).
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <html lang="en" suppressHydrationWarning>
      <body>
        <Providers nonce={nonce}>{children}</Providers>
      </body>
    </html>
  );
}
