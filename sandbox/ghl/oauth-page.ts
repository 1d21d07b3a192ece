import { escapeHtml } from "./http";
import type { LocationRecord } from "./types";

export const PAGE_CSS = `
  :root { color-scheme: light; --ink:#1f2933; --muted:#52606d; --line:#d9e2ec; --brand:#2f6f4f; --bg:#f7f9fb; }
  * { box-sizing: border-box; }
  body { margin:0; font:15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color:var(--ink); background:var(--bg); }
  main { max-width: 1100px; margin: 0 auto; padding: 24px; }
  h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 17px; margin: 24px 0 8px; } h3 { font-size: 15px; margin: 16px 0 6px; }
  .muted { color: var(--muted); }
  .card { background:#fff; border:1px solid var(--line); border-radius:10px; padding:16px; margin: 12px 0; }
  table { width:100%; border-collapse: collapse; background:#fff; }
  th, td { text-align:left; padding:6px 8px; border-bottom:1px solid var(--line); vertical-align: top; font-size: 14px; }
  th { color: var(--muted); font-weight:600; }
  label { display:block; font-size: 13px; color: var(--muted); margin: 6px 0 2px; }
  input, select, textarea { width:100%; padding:7px 9px; border:1px solid var(--line); border-radius:6px; font: inherit; }
  .row { display:grid; grid-template-columns: repeat(auto-fit, minmax(180px, 1fr)); gap: 10px; }
  button { background:var(--brand); color:#fff; border:0; border-radius:6px; padding:8px 14px; font: inherit; cursor:pointer; margin-top: 10px; }
  button.secondary { background:#fff; color:var(--ink); border:1px solid var(--line); }
  button.danger { background:#b42318; }
  .inline { display:inline; } .inline button { margin: 0 4px 0 0; padding: 3px 9px; font-size: 13px; }
  .tag { display:inline-block; background:#e3f2ea; color:#1d4d36; border-radius:999px; padding:0 8px; font-size:12px; margin-right:3px; }
  nav a { margin-right: 12px; } a { color: var(--brand); }
  .option { display:flex; gap:10px; align-items:center; padding:10px; border:1px solid var(--line); border-radius:8px; margin:8px 0; background:#fff; }
  .option input { width:auto; }
`;

export function layout(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title><style>${PAGE_CSS}</style></head><body><main>${body}</main></body></html>`;
}

export interface ChooseParams {
  client_id: string;
  redirect_uri: string;
  scope: string;
  state: string;
  response_type: string;
}

/** Stand-in for marketplace.gohighlevel.com's "choose a sub-account" consent screen. */
export function chooseLocationPage(locations: LocationRecord[], p: ChooseParams, appName: string): string {
  const hidden = (Object.entries(p) as [string, string][])
    .map(([k, v]) => `<input type="hidden" name="${k}" value="${escapeHtml(v)}">`)
    .join("");
  const options = locations
    .map(
      (l, i) => `<div class="option">
  <input type="radio" id="loc-${l.id}" name="locationId" value="${l.id}" ${i === 0 ? "checked" : ""} data-testid="location-option-${l.id}">
  <label for="loc-${l.id}" style="margin:0;color:var(--ink)"><strong>${escapeHtml(l.name)}</strong><br><span class="muted">${escapeHtml(l.address)} · ${l.id}</span></label>
</div>`,
    )
    .join("");
  const scopes = p.scope.split(/\s+/).filter(Boolean).map((s) => `<span class="tag">${escapeHtml(s)}</span>`).join(" ");
  return layout(
    "Choose a sub-account – GHL sandbox",
    `<h1>Connect ${escapeHtml(appName)}</h1>
<p class="muted">HighLevel sandbox · the app asks for: ${scopes || "default scopes"}</p>
<form method="post" action="/oauth/chooselocation" class="card" data-testid="choose-location-form">
  <fieldset style="border:0;padding:0;margin:0"><legend><h2 style="margin:0">Choose a sub-account</h2></legend>${options}</fieldset>
  ${hidden}
  <button type="submit" name="decision" value="approve" data-testid="approve-button">Approve</button>
  <button type="submit" name="decision" value="deny" class="secondary" data-testid="deny-button">Deny</button>
</form>`,
  );
}

export function errorPage(message: string): string {
  return layout("OAuth error – GHL sandbox", `<h1>Cannot continue</h1><p class="card" role="alert">${escapeHtml(message)}</p>`);
}
