import { Command } from 'commander';
import type { ChatMessage } from '../engine/chatMessage.js';
import type { ActionIntent, Decision } from '../engine/decision.js';
import { intentText } from '../engine/intentText.js';
import { REASONS } from '../rules/reasons.js';
import { describeSkip, localImageReader, readImageFile } from '../ocr/localImages.js';
import { checkBatch } from './checkBatch.js';
import { CliError } from './cliError.js';
import { loadEngine, type EngineFlags } from './loadEngine.js';
import { appendAll } from '../lib/appendAll.js';

interface CheckFlags extends EngineFlags {
  batch?: string;
  image?: string;
  group: string;
  member: string;
  admin?: boolean;
  json?: boolean;
}

/** `check "<text>"`: what RumorGuard would do about one message, and why (a dry run). */
export function checkCommand(): Command {
  return new Command('check')
    .description('dry-run one message through the rules: matches, actions and every rule considered')
    .argument('[text]', 'the message text (with --image: its caption), or - to read it from stdin')
    .option('--image <file>', 'a picture (PNG, JPEG, WebP, GIF, BMP): its text is read (OCR) and checked after the caption')
    .option(
      '--batch <file>',
      'one JSON message per line {"id","text","group"?,"member"?} (- for stdin): one JSON decision per line; a line that cannot be read is named on stderr and skipped, and the exit code is then 1',
    )
    .option('--group <id>', 'group the message is posted in', 'cli')
    .option('--member <id>', 'member who posts it', 'cli')
    .option('--admin', 'the member is a group admin')
    .option('--json', 'print one JSON object instead of the explanation')
    .option('--dir <dir>', 'debunk folder (default: DEBUNKS_DIR, else rules/debunks)')
    .option('--rules <file>', 'rules file (default: rules/default.yaml)')
    .action(async (textArg: string | undefined, flags: CheckFlags) => {
      if (flags.batch === undefined && textArg === undefined && flags.image === undefined) {
        process.stderr.write('check: give the message text, - for stdin, --image FILE or --batch FILE\n');
        process.exitCode = 2;
        return;
      }
      const engine = await loadEngine(flags);
      if (!engine) return;
      if (flags.batch !== undefined) {
        const { messages, problems } = await checkBatch(engine, flags.batch);
        if (problems.length > 0) {
          process.stderr.write(`check --batch: ${problems.length} line(s) skipped, ${messages} checked; exit code 1\n`);
          process.exitCode = 1;
        }
        return;
      }
      textArg ??= '';
      const caption = textArg === '-' ? (await readStdin()).replace(/\r?\n$/, '') : textArg;
      const image = flags.image === undefined ? undefined : await readPicture(flags.image);
      const text = [caption.trim(), image?.text ?? ''].filter((t) => t !== '').join('\n');
      if (image && !flags.json) process.stdout.write(`Text read from ${flags.image}: ${image.text === '' ? '(none)' : image.text}\n`);
      const message: ChatMessage = {
        platform: 'cli',
        groupId: flags.group,
        messageId: 'check',
        member: { id: flags.member, name: flags.member, ...(flags.admin ? { isAdmin: true } : {}) },
        text,
        sentAt: Date.now(),
        ...(image ? { images: { sha256: [image.sha256], textStart: caption.trim() === '' ? 0 : caption.trim().length + 1 } } : {}),
      };
      const decision = await engine.evaluate(message, { dryRun: true });
      const json = { ...decisionJson(decision), ...(image ? { image: { file: flags.image, sha256: image.sha256, text: image.text } } : {}) };
      process.stdout.write(flags.json ? `${JSON.stringify(json)}\n` : `${formatDecision(decision).join('\n')}\n`);
    });
}

/** The decision as `check --json` prints it: the engine's ids, plus the reason texts. */
export function decisionJson(d: Decision) {
  const intent = (a: ActionIntent) => {
    const text = intentText(a);
    return { ...a, reasonText: REASONS[a.reason], ...(text === undefined ? {} : { text }) };
  };
  return {
    groupId: d.groupId,
    memberId: d.memberId,
    mode: d.mode,
    language: d.language,
    stance: d.stance,
    stanceCues: d.stanceCues,
    refuting: d.refuting,
    refutingCues: d.refutingCues,
    matches: d.matches.map((m) => ({
      debunkId: m.debunkId,
      score: m.score,
      phrase: m.explanation.phrase.text,
      phraseKind: m.explanation.phrase.kind,
      excerpt: m.explanation.excerpt,
      coverage: m.explanation.coverage,
      similarity: m.explanation.similarity,
    })),
    strikes: d.strikes,
    actions: d.actions.map(intent),
    withheld: d.withheld.map((w) => ({ ...intent(w), withheldBecauseText: REASONS[w.withheldBecause] })),
    explain: d.explain.map((o) => ({ ...o, reasonText: REASONS[o.reason] })),
  };
}

/** The decision as lines a moderator reads top to bottom. */
export function formatDecision(d: Decision): string[] {
  const lines: string[] = [];
  lines.push(`Group ${d.groupId}, member ${d.memberId}, mode ${d.mode}, replies in ${d.language}`, '', 'Matches');
  if (d.matches.length === 0) lines.push('  (none at or above the suggest threshold)');
  for (const m of d.matches) {
    const e = m.explanation;
    lines.push(`  ${m.debunkId}  score ${m.score.toFixed(2)}`);
    lines.push(`    matched ${e.phrase.kind} "${e.phrase.text}"`);
    lines.push(`    excerpt "${e.excerpt}"  (coverage ${e.coverage.toFixed(2)}, similarity ${e.similarity.toFixed(2)})`);
  }
  lines.push('', `Stance: ${d.stance}${d.stanceCues.length > 0 ? ` (${d.stanceCues.join(', ')})` : ''}`);
  lines.push(`Refuting: ${d.refuting ? `yes (${d.refutingCues.join(', ')})` : 'no'}`);
  lines.push(`Strikes: ${d.strikes.before} before, ${d.strikes.after} after`);
  lines.push('', 'Would do');
  if (d.actions.length === 0) lines.push('  (nothing)');
  for (const a of d.actions) appendAll(lines, formatIntent(a));
  lines.push('', 'Withheld');
  if (d.withheld.length === 0) lines.push('  (nothing)');
  for (const w of d.withheld) appendAll(lines, formatIntent(w, `withheld: ${REASONS[w.withheldBecause]}`));
  lines.push('', 'Rules considered');
  const width = d.explain.reduce((w, o) => Math.max(w, o.rule.length), 0);
  for (const o of d.explain) {
    const detail = o.detail === undefined ? '' : ` (${o.detail})`;
    lines.push(`  ${o.fired ? 'yes' : 'no '}  ${o.rule.padEnd(width)}  ${REASONS[o.reason]}${detail}`);
  }
  return lines;
}

function formatIntent(a: ActionIntent, note?: string): string[] {
  const lines = [`  ${a.type}: ${REASONS[a.reason]} (${a.detail})`];
  if (note) lines.push(`    ${note}`);
  const text = intentText(a);
  if (text) appendAll(lines, text.split('\n').map((l) => `    | ${l}`));
  return lines;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The text in a picture file; a file that cannot be read is the user's mistake, said in one line. */
async function readPicture(file: string): Promise<{ sha256: string; text: string }> {
  const local = localImageReader();
  if (!local.ok) throw new CliError(local.error);
  try {
    const read = await readImageFile(local.reader, file);
    if (!read.ok) throw new CliError(`${file}: ${read.reason === 'fetch_failed' ? read.detail.replace(/^ENOENT: no such file or directory.*/, 'no such file') : describeSkip(read)}`);
    return read;
  } finally {
    await local.reader.close();
  }
}
