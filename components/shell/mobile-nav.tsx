"use client";

import * as React from "react";
import { MenuIcon } from "lucide-react";

import { Button } from "@/components/ui/button";
import { Sheet, SheetContent, SheetDescription, SheetTitle, SheetTrigger } from "@/components/ui/sheet";
import { SidebarContent } from "@/components/shell/sidebar-content";
import type { ShellNavItem, ShellUser } from "@/components/shell/types";

export function MobileNav({ user, nav }: { user: ShellUser; nav: ShellNavItem[] }) {
  const [open, setOpen] = React.useState(false);
  return (
    <Sheet open={open} onOpenChange={setOpen}>
      <SheetTrigger asChild>
        <Button variant="ghost" size="icon" aria-label="Open navigation">
          <MenuIcon aria-hidden="true" />
        </Button>
      </SheetTrigger>
      <SheetContent side="left" className="w-72 gap-0 p-0" closeLabel="Close navigation">
        <SheetTitle className="sr-only">Navigation</SheetTitle>
        <SheetDescription className="sr-only">Bloombridge sections and account menu</SheetDescription>
        <SidebarContent user={user} nav={nav} onNavigate={() => setOpen(false)} />
      </SheetContent>
    </Sheet>
  );
}
