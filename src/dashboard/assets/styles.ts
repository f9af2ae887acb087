/**
 * The dashboard's one stylesheet, served from /assets/app.css (kept in code so the compiled bin
 * carries it). Phones first: one column, tables that scroll sideways, tap-sized controls.
 */
export const STYLES = `
:root { --fg: #1d2433; --muted: #5b6475; --line: #d8dde6; --bg: #f6f7f9; --card: #fff; --accent: #1f5fbf; --bad: #b3261e; --good: #1e7b34; --warn: #8a5a00; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; color: var(--fg); background: var(--bg); }
header.top { background: #18233a; color: #fff; padding: .6rem 1rem; display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; }
header.top a { color: #fff; text-decoration: none; }
header.top .brand { font-weight: 600; }
header.top .who { font-size: .85rem; opacity: .85; margin-left: auto; }
header.top form { display: inline; margin: 0; }
header.top button { background: transparent; color: #fff; border: 1px solid rgba(255,255,255,.5); border-radius: 4px; padding: .2rem .5rem; font-size: .85rem; cursor: pointer; }
header.top button[aria-pressed="true"] { background: rgba(255,255,255,.2); }
nav.tabs { display: flex; flex-wrap: wrap; gap: .25rem; padding: .5rem 1rem 0; background: var(--card); border-bottom: 1px solid var(--line); }
nav.tabs a { padding: .5rem .75rem; text-decoration: none; color: var(--muted); border-bottom: 3px solid transparent; }
nav.tabs a[aria-current="page"] { color: var(--fg); border-color: var(--accent); font-weight: 600; }
nav.groups { padding: .4rem 1rem; font-size: .9rem; background: var(--card); }
main { padding: 1rem; max-width: 1200px; margin: 0 auto; }
h1 { font-size: 1.35rem; margin: .2rem 0 1rem; }
h2 { font-size: 1.1rem; margin: 1.2rem 0 .5rem; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 6px; padding: .8rem 1rem; margin-bottom: 1rem; }
.grid { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fit, minmax(260px, 1fr)); }
.figure { font-size: 1.8rem; font-weight: 600; }
.muted { color: var(--muted); font-size: .9rem; }
/* Keyboard users reach the page's content in one Tab: shown only when focused. */
.skip { position: absolute; left: -10000px; top: 0; background: var(--card); color: var(--accent); padding: .5rem .8rem; z-index: 10; }
.skip:focus { left: .5rem; top: .5rem; }
main:focus { outline: none; }
.tag { display: inline-block; color: var(--warn); border: 1px solid currentColor; border-radius: 3px; padding: 0 .3rem; font-size: .8rem; }
.ok { color: var(--good); }
.bad { color: var(--bad); }
/* A command's reply keeps its lines ("removed 5 strike(s) of alice\nTheir mute is lifted."). */
.flash { padding: .6rem .8rem; border-radius: 4px; margin-bottom: 1rem; border: 1px solid; white-space: pre-line; }
.flash.ok { background: #eaf6ec; border-color: #a9d8b2; }
.flash.bad { background: #fdecea; border-color: #f2b8b5; }
.scroll { overflow-x: auto; -webkit-overflow-scrolling: touch; }
table { border-collapse: collapse; width: 100%; background: var(--card); }
th, td { text-align: left; vertical-align: top; padding: .4rem .5rem; border-bottom: 1px solid var(--line); }
th { font-size: .85rem; color: var(--muted); font-weight: 600; white-space: nowrap; }
td.text { min-width: 14rem; max-width: 32rem; white-space: pre-wrap; word-break: break-word; }
tr.differs td { background: #fff6e0; }
td.when { white-space: nowrap; }
ul.plain { list-style: none; padding: 0; margin: 0; }
blockquote.text { margin: .5rem 0; padding: .5rem .8rem; border-left: 3px solid var(--line); background: var(--bg); white-space: pre-wrap; word-break: break-word; }
.status-done { color: var(--good); }
.status-failed { color: var(--bad); }
.status-skipped, .status-pending { color: var(--warn); }
.status-withheld { color: var(--muted); }
form.filters { display: flex; flex-wrap: wrap; gap: .5rem; align-items: flex-end; }
form.filters label { display: flex; flex-direction: column; font-size: .8rem; color: var(--muted); min-width: 0; max-width: 100%; }
label.field { display: block; margin: .8rem 0 .2rem; font-weight: 600; }
.hint { color: var(--muted); font-size: .85rem; margin: .1rem 0; }
.error { color: var(--bad); font-size: .9rem; margin: .2rem 0; }
input[type=text], input[type=number], input[type=date], input[type=search], select, textarea { font: inherit; padding: .4rem .5rem; border: 1px solid #b9c0cc; border-radius: 4px; max-width: 100%; background: #fff; }
input[aria-invalid="true"], textarea[aria-invalid="true"], select[aria-invalid="true"] { border-color: var(--bad); outline: 2px solid #f2b8b5; }
textarea { width: 100%; }
input[type=text].wide { width: 100%; }
.checks label { display: inline-flex; gap: .3rem; margin: .2rem 1rem .2rem 0; align-items: center; }
button, .button { font: inherit; padding: .45rem .9rem; border-radius: 4px; border: 1px solid var(--accent); background: var(--accent); color: #fff; cursor: pointer; text-decoration: none; display: inline-block; min-height: 2.2rem; }
button.secondary, .button.secondary { background: #fff; color: var(--accent); }
button.danger { background: var(--bad); border-color: var(--bad); }
.actions { display: flex; flex-wrap: wrap; gap: .5rem; margin-top: 1rem; }
form.debunk-form { flex: 1 1 100%; display: flex; flex-direction: column; gap: .4rem; }
form.debunk-form label { display: flex; flex-direction: column; font-size: .85rem; }
form.debunk-form label.check { flex-direction: row; align-items: center; gap: .4rem; }
form.debunk-form button { align-self: flex-start; }
form.debunk-form input[type=url] { font: inherit; padding: .4rem .5rem; border: 1px solid #b9c0cc; border-radius: 4px; }
.chart { position: relative; height: 220px; }
code, .hash { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .85rem; word-break: break-all; }
.report table { margin: .5rem 0 1rem; }
/* The report keeps a phone's width (QA: it was 1,035 px wide at 375): its tables scroll inside
   boxes of their own (reportHtml wraps each), a long key id or hash in its text wraps. A cell
   keeps a few letters' width, so a narrow screen scrolls the table rather than stacking its
   words a letter a line. */
.report p { overflow-wrap: anywhere; }
.report td { min-width: 5em; }
/* Outside text (names, messages, titles) wraps anywhere rather than stretch a page sideways: a
   1,000-character name or a 5,000-character run of one letter made pages 12,000 px wide. */
bdi, .report td, .report th, .queue-item p { overflow-wrap: anywhere; }
/* An invisible character (a direction override, a zero-width space) shown by its code point. */
.invisible { font: .75em ui-monospace, Menlo, Consolas, monospace; color: var(--bad); border: 1px dotted currentColor; border-radius: 3px; padding: 0 .15em; margin: 0 .1em; }
.report pre { white-space: pre-wrap; word-break: break-all; background: var(--bg); padding: .5rem; }
@media (max-width: 600px) {
  main { padding: .6rem; }
  header.top .who { margin-left: 0; width: 100%; }
  /* Wide tables become one card per row, each cell with its column's name. */
  table.cards thead { display: none; }
  table.cards, table.cards tbody, table.cards tr, table.cards td { display: block; width: 100%; }
  table.cards tr { border: 1px solid var(--line); border-radius: 6px; margin-bottom: .6rem; background: var(--card); }
  table.cards td { border: none; padding: .25rem .6rem; min-width: 0; max-width: none; }
  table.cards td[data-label]::before { content: attr(data-label); display: block; font-size: .75rem; color: var(--muted); }
}
@media print {
  header.top, nav, .no-print { display: none !important; }
  body { background: #fff; font-size: 11pt; }
  main { max-width: none; padding: 0; }
  .card { border: none; padding: 0; }
  table { page-break-inside: auto; } tr { page-break-inside: avoid; }
  /* On paper nothing scrolls: a wide table's headers wrap to fit the page instead. */
  .scroll { overflow: visible; }
  .report th { white-space: normal; }
}
`;
