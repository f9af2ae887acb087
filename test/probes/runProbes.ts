/**
 * Reruns the probes of issue 13 (hardening) in one process and prints, per probe, the inputs
 * tried, crashes (a throw where a value was due), hangs (no answer within the deadline), findings
 * (an input that got through: a live link, a control character, a cell that runs as a formula…)
 * and the worst time for one input. `npm run probes` (add `-- --quick` for a smaller run).
 * The vitest files beside this one assert the same behaviour; this script gives the figures.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { escapeDiscordMarkdown, safeText } from '../../adapters/discord/markdown.js';
import { EMBED_LIMITS } from '../../adapters/discord/embedLimits.js';
import { refutationEmbed } from '../../adapters/discord/replies.js';
import { escapeHtml } from '../../adapters/telegram/html.js';
import { runAdminCommand } from '../../src/commands/adminCommands.js';
import { formatProblems, loadDebunks } from '../../src/debunks/loadDebunks.js';
import { DebunkSchema } from '../../src/debunks/schema.js';
import { plainText } from '../../src/engine/plainText.js';
import { refutationContent } from '../../src/engine/refutationContent.js';
import { FeedbackQueue } from '../../src/feedback/feedbackQueue.js';
import { Ledger } from '../../src/ledger/ledger.js';
import { memoryLedgerBackend } from '../../src/ledger/ledgerBackend.js';
import { ledgerToCsv } from '../../src/ledger/export/toCsv.js';
import { terminalText } from '../../src/lib/terminalText.js';
import { memoryStore } from '../../src/store/keyvStore.js';
import { openStore } from '../../src/store/openStore.js';
import { redactUrl } from '../../src/store/redactUrl.js';
import { harness, TEXT } from '../engine/harness.js';
import { incident, steppingClock } from '../ledger/fixtures.js';
import { manyDebunksJson, unknownKeysJson } from './largeDebunkFiles.js';
import { DISCORD_MARKUP_PAYLOADS, liveDiscordMarkup } from './liveDiscordMarkup.js';
import { startRedisServer } from './redisServer.js';

const quick = process.argv.includes('--quick');
const HANG_MS = 10_000;

interface Row {
  probe: string;
  inputs: number;
  crashes: number;
  hangs: number;
  findings: number;
  worstMs: number;
  note?: string;
}
const rows: Row[] = [];

/** Runs `check` on each input with a deadline (`hangMs`); `check` returns true when the input got through. */
async function probe<T>(name: string, inputs: Iterable<T>, check: (input: T) => boolean | Promise<boolean>, note?: string, hangMs = HANG_MS): Promise<Row> {
  const row: Row = { probe: name, inputs: 0, crashes: 0, hangs: 0, findings: 0, worstMs: 0, ...(note ? { note } : {}) };
  for (const input of inputs) {
    row.inputs += 1;
    const start = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'hang'>((resolve) => (timer = setTimeout(() => resolve('hang'), hangMs)));
    try {
      const result = await Promise.race([Promise.resolve().then(() => check(input)), deadline]);
      if (result === 'hang') row.hangs += 1;
      else if (result) row.findings += 1;
    } catch {
      row.crashes += 1;
    } finally {
      clearTimeout(timer);
    }
    row.worstMs = Math.max(row.worstMs, performance.now() - start);
  }
  rows.push(row);
  return row;
}

/** A small deterministic random source, so reruns try the same inputs. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}
const rnd = random(13);
const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
const HOSTILE_PIECES = ['😀', '\u0301', '\u202E', '\u200B', '\u2066', '\x1b]0;t\x07', '\x1b[2K', '\r', '\n', '\x9b', '@everyone', '<@123>', '[a](https://ev.il)', '> q', '-# s', '<t:1:R>', '</x:1>', '\\', '*', '`', '"', '<', '&', '=', '\t', TEXT.fiveG, '5G', 'coronavirus'];
function hostileText(maxPieces: number): string {
  const n = 1 + Math.floor(rnd() * maxPieces);
  let out = '';
  for (let i = 0; i < n; i++) out += rnd() < 0.1 ? pick(HOSTILE_PIECES).repeat(1 + Math.floor(rnd() * 500)) : pick(HOSTILE_PIECES);
  return out;
}
const ACTIVE = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const FUZZ = quick ? 2_000 : 20_000;

/** A stall of the event loop longer than this while exporting counts as a finding (moderation held up). */
const STALL_FINDING_MS = 100;

/** `incidents` incidents (each with its outcome) in a SQLite ledger, exported as md, csv and json. */
async function probeLargeExports(incidents: number): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'rg-probes-ledger-'));
  const script = path.join(import.meta.dirname, 'largeExport.ts');
  const tsx = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { encoding: 'utf8', maxBuffer: 1 << 20 });
  try {
    const file = path.join(dir, 'ledger.sqlite');
    const built = tsx('build', file, String(incidents));
    if (built.status !== 0) throw new Error(`building the ledger failed: ${built.stderr}`);
    for (const format of ['md', 'csv', 'json'] as const) {
      let note = '';
      const row = await probe(`export ${format} of ${incidents} incidents from SQLite (row 1)`, [format], () => {
        const run = tsx('export', file, format);
        if (run.status !== 0) throw new Error(run.stderr);
        const r = JSON.parse(run.stdout) as { ms: number; bytes: number; entries: number; peakRssMb: number; maxStallMs: number; maxGcMs: number };
        note = `${(r.ms / 1000).toFixed(1)} s, ${Math.round(r.bytes / 1e6)} MB written, peak RSS ${r.peakRssMb} MB, longest event-loop stall ${r.maxStallMs} ms (longest GC ${r.maxGcMs} ms)`;
        return r.entries !== 2 * incidents || r.maxStallMs > STALL_FINDING_MS;
      }, undefined, 600_000);
      row.note = note;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `debunks` YAML entries in files of 10,000, loaded by the bot's loader. */
async function probeLargeDatabase(debunks: number): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'rg-probes-debunks-'));
  const script = path.join(import.meta.dirname, 'largeDebunkLoad.ts');
  const tsx = (...args: string[]) => spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', script, ...args], { encoding: 'utf8', maxBuffer: 1 << 20 });
  try {
    const written = tsx('write', dir, String(debunks), '10000');
    if (written.status !== 0) throw new Error(`writing the database failed: ${written.stderr}`);
    let note = '';
    const row = await probe(`debunks: ${debunks} entries in files of 10,000 load (row 5)`, [dir], () => {
      const run = tsx('load', dir);
      if (run.status !== 0) throw new Error(run.stderr);
      const r = JSON.parse(run.stdout) as { ms: number; debunks: number; files: number; peakRssMb: number; heapMb: number };
      note = `${(r.ms / 1000).toFixed(1)} s, ${r.files} files, peak RSS ${r.peakRssMb} MB, heap held after GC ${r.heapMb} MB`;
      return r.debunks !== debunks;
    }, undefined, 1_800_000);
    row.note = note;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  // Messages through the engine: no throw, bounded time, whatever a member sends.
  const h = harness();
  await h.post({ text: TEXT.fiveG }); // warms the matcher up, so the worst time is a message's own
  await probe('engine: fuzzed messages', Array.from({ length: FUZZ }, () => hostileText(40)), async (text) => {
    await h.post({ text, member: { id: hostileText(3), name: hostileText(3) } });
    return false;
  });
  // Row 7: Discord markup.
  await probe('discord: markup in untrusted text (row 7)', [...DISCORD_MARKUP_PAYLOADS, ...Array.from({ length: FUZZ }, () => hostileText(20))], (t) => liveDiscordMarkup(safeText(t)).length > 0);
  // Row 9: embed limits.
  await probe('discord: embed limits (row 9)', Array.from({ length: quick ? 200 : 2_000 }, (_, i) => i), (i) => {
    const url = `https://example.org/${'a'.repeat(Math.floor(rnd() * 2000))}`;
    const parsed = DebunkSchema.safeParse({ id: `x${i}`, claim: 'c', verdict: 'false', refutation: hostileText(30).slice(0, 1000) || 'r', sources: [0, 1, 2].map(() => ({ title: hostileText(5).trim() || 't', url })), lang: 'en', published: '2024-01-01' });
    // A generated entry the schema refuses (a blank text) is not a finding: the loader refuses it too.
    if (!parsed.success) return false;
    const e = refutationEmbed(refutationContent(parsed.data, 'en'));
    const total = (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
    return (e.description?.length ?? 0) > EMBED_LIMITS.description || (e.fields ?? []).some((f) => f.value.length > EMBED_LIMITS.fieldValue) || total > EMBED_LIMITS.total;
  });
  // Row 10: cuts on code points.
  await probe('text cut on code points (row 10)', Array.from({ length: FUZZ }, () => [hostileText(30), 1 + Math.floor(rnd() * 600)] as const), ([t, max]) => LONE_SURROGATE.test(plainText(t, max)));
  // Row 12 (and 11's printing): terminal text.
  await probe('terminal text escaped (rows 11, 12)', Array.from({ length: FUZZ }, () => hostileText(20)), (t) => ACTIVE.test(terminalText(t)));
  // Row 13: csv formulas.
  const starts = ['=', '+', '-', '@', '\t', '\r', '\t=', '\r=', '\r\n='];
  await probe('csv: cells that would run as formulas (row 13)', starts, async (start) => {
    const ledger = new Ledger(memoryLedgerBackend(), steppingClock());
    await ledger.append(incident({ member: { id: 'u', name: `${start}HYPERLINK("x")` } }));
    return !ledgerToCsv(await ledger.entries('g')).includes(`'${start}HYPERLINK`);
  });
  // Row 6: store URLs.
  const urls = ['redis://:S3cret/Pw@h:6379', 'redis://S3cret/Pw@h', 'rediss://S3cretPw@h', 'postgres://u:S3cret/Pw@h/db', 'postgres://S3cret/Pw@h/db', 'postgres://u:S3cret#x@h/db', 'postgres://u@h/db?password=S3cret', 'redis://u:S3c@ret@h'];
  await probe('store URL redaction (row 6)', urls, (u) => redactUrl(u).includes('S3c'));
  // Row 8: queue pages.
  await probe('/rg queue pages (row 8)', [[4096, escapeHtml], [2000, escapeDiscordMarkdown]] as const, async ([max, escape]) => {
    const queue = new FeedbackQueue(memoryStore());
    for (let m = 0; m < 20; m++) for (let n = 0; n < 12; n++) await queue.add({ kind: 'report', groupId: 'g', messageId: `${m}-${n}`, by: { id: `u${m}`, name: `@everyone\u202E${'"&<'.repeat(40)}` }, note: `@admin ${'"&<*_'.repeat(200)}` });
    let bad = (await queue.open('g')).length !== 200;
    for (let page = 1; page <= 40; page++) {
      const r = await runAdminCommand(h.engine, 'g', { id: 'o', name: 'o', isAdmin: true }, `/rg queue ${page}`, queue, 'en', { maxLength: max, measure: (t) => escape(t).length });
      if (escape(r.reply).length > max || /@everyone|\u202E/.test(r.reply)) bad = true;
    }
    return bad;
  });
  // Row 11: debunk folder.
  const root = mkdtempSync(path.join(tmpdir(), 'rg-probes-'));
  try {
    const folder = (name: string, make: (dir: string) => void) => {
      const dir = path.join(root, name);
      mkdirSync(dir);
      writeFileSync(path.join(dir, 'ok.yaml'), '- id: ok\n  claim: c\n  verdict: "false"\n  refutation: r\n  sources: [{ title: t, url: "https://a.example/" }]\n  lang: en\n  published: 2024-01-01\n');
      make(dir);
      return dir;
    };
    const folders = [
      folder('fifo', (d) => {
        execFileSync('mkfifo', [path.join(root, 'pipe')]);
        symlinkSync(path.join(root, 'pipe'), path.join(d, 'pipe.yaml'));
      }),
      folder('passwd', (d) => symlinkSync('/etc/passwd', path.join(d, 'p.yaml'))),
      folder('zero', (d) => symlinkSync('/dev/zero', path.join(d, 'z.yaml'))),
      folder('latin1', (d) => writeFileSync(path.join(d, 'l.yaml'), Buffer.from('- id: caf\xe9\n', 'latin1'))),
      folder('ansi', (d) => writeFileSync(path.join(d, 'a.json'), JSON.stringify([{ id: 'a', '\x1b[2K\rOK: 9\n': 1 }]))),
    ];
    await probe('debunk folder: FIFO, links out, Latin-1, ANSI keys (row 11)', folders, async (dir) => {
      const r = await loadDebunks(dir);
      const text = r.ok ? '' : formatProblems(r.problems);
      return r.ok || /root:/.test(text) || text.split('\n').some((line) => ACTIVE.test(line) || line.startsWith('OK'));
    });
    // Row 5: large files. One over the size limit is refused with a message naming it (no crash);
    // a large database is many files (db import writes 10,000 entries a file).
    await probe('debunks: a file over 16 MB refused, named (row 5)', [200_000], async (n) => {
      const dir = path.join(root, `many-${n}`);
      mkdirSync(dir);
      writeFileSync(path.join(dir, 'many.json'), manyDebunksJson(n));
      const r = await loadDebunks(dir);
      return r.ok || !/many\.json: is [\d.]+ MB, more than the 16\.0 MB one debunk file may hold: split/.test(formatProblems(r.problems));
    }, '200,000 entries, 46 MB');
    await probe('debunks: 40,000 unknown keys (row 5)', [40_000], async (n) => {
      const dir = path.join(root, 'keys');
      mkdirSync(dir);
      writeFileSync(path.join(dir, 'k.json'), unknownKeysJson(n));
      const r = await loadDebunks(dir);
      return r.ok || r.problems.length !== n;
    });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  // Row 1: exports of a real SQLite ledger, each in a process of its own (largeExport.ts) so its
  // peak memory is the export's, with the longest event-loop stall measured.
  await probeLargeExports(quick ? 20_000 : 1_000_000);
  // Row 5: a large debunk database in files of 10,000 entries (as db import writes it), loaded in
  // a process of its own (largeDebunkLoad.ts) for its peak memory.
  await probeLargeDatabase(quick ? 50_000 : 1_000_000);
  // Row 2: a Redis that stops answering.
  if (spawnSync('redis-server', ['--version']).status === 0) {
    const redis = await startRedisServer();
    try {
      const opened = await openStore(redis.url);
      await opened.store.set('k', 1);
      redis.pause();
      await probe('store call on a stopped Redis (row 2)', [1, 2, 3], async () => !(await opened.store.get('k').then(() => false, () => true)), 'each must fail, within 2 s');
      redis.resume();
      await opened.close();
    } finally {
      await redis.stop();
    }
  }

  const table = [['probe', 'inputs', 'crashes', 'hangs', 'findings', 'worst ms', 'note'], ...rows.map((r) => [r.probe, String(r.inputs), String(r.crashes), String(r.hangs), String(r.findings), String(Math.round(r.worstMs)), r.note ?? ''])];
  const widths = table[0]!.map(() => 0);
  for (const row of table) row.forEach((c, i) => (widths[i] = Math.max(widths[i]!, c.length)));
  for (const row of table) console.log(row.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd());
  const total = rows.reduce((t, r) => ({ inputs: t.inputs + r.inputs, crashes: t.crashes + r.crashes, hangs: t.hangs + r.hangs, findings: t.findings + r.findings }), { inputs: 0, crashes: 0, hangs: 0, findings: 0 });
  console.log(`\n${total.inputs} inputs, ${total.crashes} crashes, ${total.hangs} hangs, ${total.findings} findings; worst single input ${Math.round(rows.reduce((w, r) => Math.max(w, r.worstMs), 0))} ms`);
  if (total.crashes + total.hangs + total.findings > 0) process.exitCode = 1;
}

await main();
