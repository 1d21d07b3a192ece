"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** While a run is still in progress, re-render its page from the server every couple of seconds. */
export function RunAutoRefresh({ active }: { active: boolean }) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => router.refresh(), 2_000);
    return () => clearInterval(timer);
  }, [active, router]);
  return null;
}
