export const ADMIN_CSS = `
:root{--bg:#f7f6f3;--card:#fff;--ink:#1f2328;--muted:#6b7280;--line:#e5e2dc;--accent:#b4446c;--ok:#1a7f37;--warn:#9a6700;--bad:#cf222e}
*{box-sizing:border-box}body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;background:var(--bg);color:var(--ink)}
header{display:flex;gap:16px;align-items:center;justify-content:space-between;flex-wrap:wrap;padding:14px 24px;background:var(--card);border-bottom:1px solid var(--line)}
h1{font-size:18px;margin:0}h1 small{font-weight:500;color:var(--muted);font-size:12px;margin-left:8px}
h2{font-size:15px;margin:0 0 10px}h3{font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);margin:12px 0 4px}
.badge{display:inline-block;padding:1px 8px;border-radius:999px;font-size:12px;background:#f1e4ea;color:var(--accent)}
.badge.deleted,.badge.cancelled,.badge.no_show{background:#ffebe9;color:var(--bad)}.badge.booked,.badge.paid,.badge.signed,.badge.completed,.badge.done{background:#dafbe1;color:var(--ok)}
.badge.proposal_sent,.badge.deposit_paid,.badge.scheduled{background:#fff8c5;color:var(--warn)}
form.search{display:flex;gap:8px}form.search input{width:320px;padding:7px 10px;border:1px solid var(--line);border-radius:8px;font:inherit}
button,select{font:inherit;padding:6px 10px;border:1px solid var(--line);border-radius:8px;background:var(--card);cursor:pointer}
main{display:grid;grid-template-columns:minmax(0,1fr) 340px;gap:20px;padding:20px 24px;max-width:1400px;margin:0 auto}
@media (max-width:1000px){main{grid-template-columns:1fr}}
.stats{display:flex;gap:14px;color:var(--muted);font-size:13px}.stats b{color:var(--ink)}
article.client{background:var(--card);border:1px solid var(--line);border-radius:12px;padding:14px 16px;margin-bottom:14px}
article.client.is-deleted{opacity:.55}
.client-head{display:flex;justify-content:space-between;gap:12px;flex-wrap:wrap}.client-name{font-weight:600;font-size:15px}
.meta{color:var(--muted);font-size:13px}.chips{display:flex;gap:6px;flex-wrap:wrap;margin-top:6px}
.chip{font:12px ui-monospace,SFMono-Regular,Menlo,monospace;background:#f3f4f6;border-radius:6px;padding:1px 6px}
ul.rows{list-style:none;margin:0;padding:0}ul.rows li{display:flex;gap:8px;align-items:baseline;padding:4px 0;border-top:1px dashed var(--line);flex-wrap:wrap}
ul.rows li:first-child{border-top:0}.rows .title{font-weight:500}.rows .when{color:var(--muted);font-size:12px;margin-left:auto}
aside section{background:var(--card);border:1px solid var(--line);border-radius:12px;padding:14px 16px;margin-bottom:14px}
aside li{font-size:13px}.empty{color:var(--muted);font-style:italic}
code{font:12px ui-monospace,SFMono-Regular,Menlo,monospace}a{color:var(--accent)}
`;
