"use client";

import { Fragment } from "react";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Kbd, KbdGroup } from "@/components/ui/kbd";
import { GESTURES, SHORTCUTS } from "./shortcuts";

function Keys({ combos }: { combos: string[][] }) {
  return (
    <span className="flex flex-wrap items-center justify-end gap-1.5">
      {combos.map((combo, i) => (
        <Fragment key={i}>
          {i > 0 && <span className="text-xs text-muted-foreground">or</span>}
          <KbdGroup>
            {combo.map((key) => (
              <Kbd key={key}>{key}</Kbd>
            ))}
          </KbdGroup>
        </Fragment>
      ))}
    </span>
  );
}

/** "?" opens this list; it is generated from the same table the key handler uses. */
export function ShortcutsDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="max-w-lg">
        <DialogHeader>
          <DialogTitle>Keyboard shortcuts</DialogTitle>
          <DialogDescription>On a Mac, use ⌘ where Ctrl is shown.</DialogDescription>
        </DialogHeader>
        <dl className="divide-y text-sm">
          {SHORTCUTS.map((s) => (
            <div key={s.action} className="flex items-center justify-between gap-4 py-1.5">
              <dt>{s.description}</dt>
              <dd>
                <Keys combos={s.keys} />
              </dd>
            </div>
          ))}
          {GESTURES.map((g) => (
            <div key={g.description} className="flex items-center justify-between gap-4 py-1.5">
              <dt>{g.description}</dt>
              <dd>
                <Keys combos={[g.keys]} />
              </dd>
            </div>
          ))}
        </dl>
      </DialogContent>
    </Dialog>
  );
}
