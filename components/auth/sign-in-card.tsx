import * as React from "react";

import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { BloombridgeMark } from "@/components/shell/logo";

export function SignInCard({
  children,
  description = "Workflows that keep HighLevel and Details Flowers in sync.",
}: {
  children: React.ReactNode;
  description?: React.ReactNode;
}) {
  return (
    <main className="flex min-h-svh items-center justify-center bg-muted/40 px-4 py-12">
      <Card className="w-full max-w-sm">
        <CardHeader className="justify-items-center gap-3 text-center">
          <BloombridgeMark className="size-11" />
          <div className="grid gap-1">
            <h1 className="text-xl font-semibold tracking-tight">Bloombridge</h1>
            <p className="text-sm text-muted-foreground">{description}</p>
          </div>
        </CardHeader>
        <CardContent>{children}</CardContent>
      </Card>
    </main>
  );
}
