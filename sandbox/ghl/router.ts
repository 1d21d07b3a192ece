import type { Ctx } from "./context";

export type Handler = (ctx: Ctx) => Promise<void> | void;

interface Route {
  method: string;
  segments: string[];
  handler: Handler;
}

function split(path: string): string[] {
  return path.split("/").filter(Boolean);
}

/** Minimal method + path router; `:name` segments capture, static segments win over params. */
export class Router {
  private routes: Route[] = [];

  add(method: string, pattern: string, handler: Handler): this {
    this.routes.push({ method, segments: split(pattern), handler });
    // Static segments first, so `/contacts/search` beats `/contacts/:contactId`.
    this.routes.sort((a, b) => score(b) - score(a));
    return this;
  }

  match(method: string, pathname: string): { handler: Handler; params: Record<string, string> } | null {
    const parts = split(pathname);
    for (const r of this.routes) {
      if (r.method !== method || r.segments.length !== parts.length) continue;
      const params: Record<string, string> = {};
      let ok = true;
      for (let i = 0; i < parts.length && ok; i++) {
        const seg = r.segments[i];
        if (seg.startsWith(":")) params[seg.slice(1)] = decodeURIComponent(parts[i]);
        else ok = seg === parts[i];
      }
      if (ok) return { handler: r.handler, params };
    }
    return null;
  }
}

function score(r: Route): number {
  return r.segments.reduce((s, seg, i) => s + (seg.startsWith(":") ? 0 : 2 ** (10 - i)), 0);
}
