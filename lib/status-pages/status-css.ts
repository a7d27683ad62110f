// The page's only stylesheet, inline so a status page is one request; themes by media query or ?theme=.
export const STATUS_CSS = `
:root{--bg:#f7f8fa;--card:#fff;--fg:#15181d;--muted:#5b6470;--line:#dde1e6;--ok:#2f9e5b;--warn:#d9a21b;--bad:#d64545;--mnt:#3b82f6;--none:#c9ced6}
@media (prefers-color-scheme:dark){:root:not([data-theme=light]){--bg:#0f1216;--card:#171b21;--fg:#e6e9ee;--muted:#9aa3ae;--line:#2a3038;--none:#3a414b}}
[data-theme=dark]{--bg:#0f1216;--card:#171b21;--fg:#e6e9ee;--muted:#9aa3ae;--line:#2a3038;--none:#3a414b}
*{box-sizing:border-box}body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
.wrap{max-width:860px;margin:0 auto;padding:24px 16px 48px}a{color:inherit}
.head{display:flex;gap:14px;align-items:center;margin-bottom:16px}.logo{max-height:48px;max-width:160px}
h1{font-size:1.6rem;margin:0}h2{font-size:1.1rem;margin:28px 0 10px}h3{font-size:1rem;margin:0 0 4px}
.muted{color:var(--muted)}.small{font-size:.85rem}p{margin:.3em 0}
.overall{padding:14px 18px;border-radius:8px;color:#fff;font-weight:600;font-size:1.1rem;background:var(--ok)}
.ind-minor{background:var(--warn)}.ind-major,.ind-critical{background:var(--bad)}.ind-maintenance{background:var(--mnt)}
.group,.incident{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:14px 16px;margin:12px 0}
.comp+.comp{border-top:1px solid var(--line);margin-top:12px;padding-top:12px}
.row{display:flex;justify-content:space-between;gap:8px;flex-wrap:wrap}.cname{font-weight:600}
.state{font-size:.9rem}.st-operational{color:var(--ok)}.st-partial_outage,.st-degraded_performance{color:var(--warn)}
.st-major_outage{color:var(--bad)}.st-under_maintenance{color:var(--mnt)}.st-unknown{color:var(--muted)}
.bars{display:flex;gap:2px;height:32px;margin:8px 0 2px}.bars i{flex:1;min-width:1px;border-radius:2px;background:var(--none)}
.bars i:hover{opacity:.7}.b-ok{background:var(--ok)}.b-warn{background:var(--warn)}.b-bad{background:var(--bad)}
.legend{display:flex;justify-content:space-between}.spark{width:100%;height:30px;color:var(--mnt);margin-top:6px}
.pill{font-size:.75rem;font-weight:600;text-transform:capitalize;border:1px solid var(--line);border-radius:10px;padding:1px 8px;vertical-align:middle}
.incident.open{border-left:4px solid var(--warn)}.incident.open.imp-major,.incident.open.imp-critical{border-left-color:var(--bad)}
.incident.imp-maintenance{border-left:4px solid var(--mnt)}
.updates{list-style:none;padding:0;margin:8px 0 0}.updates li{padding:6px 0;border-top:1px dashed var(--line)}
.ustatus{text-transform:capitalize;margin-right:6px}.md p{margin:.2em 0}.md code{background:var(--line);padding:0 3px;border-radius:3px}
footer{margin-top:32px;text-align:center}
@media (max-width:480px){.bars{gap:1px;height:28px}h1{font-size:1.3rem}}
`;
