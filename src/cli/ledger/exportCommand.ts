import { statSync } from 'node:fs';
import { open, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { Command, Option } from 'commander';
import { checkpointsToUse } from '../../ledger/checkpoints/localCheckpoints.js';
import { exportLedger, type ExportOptions } from '../../ledger/export/exportLedger.js';
import { fileSink, streamSink, type TextSink } from '../../ledger/export/textSink.js';
import type { Ledger } from '../../ledger/ledger.js';
import { ENV_DEFAULTS } from '../../config/env.js';
import { redactUrl } from '../../store/redactUrl.js';
import { parseStoreUrl } from '../../store/storeUrl.js';
import { CliError } from '../cliError.js';
import { parseDateOption } from './dateOption.js';
import { storeUrlOf, withLedger } from './withLedger.js';

interface ExportFlags {
  group: string;
  since?: Date;
  until?: Date;
  format: 'csv' | 'json' | 'md';
  out?: string;
  store?: string;
}

/** Groups named in the "no such group" message; a big ledger's list would drown the line. */
const GROUPS_SHOWN = 5;

/**
 * `ledger export --group G [--since] [--until] --format csv|json|md`: the md format is the owner's
 * management report; json keeps every hash so the chain can be re-checked from the file alone.
 * Each carries the group's latest signed checkpoint.
 */
export function exportCommand(): Command {
  return new Command('export')
    .description("export a group's ledger: csv, json, or md (the owner's management report)")
    .requiredOption('--group <id>', 'the group')
    .option('--since <date>', 'entries from this date on (YYYY-MM-DD or an ISO time)', parseDateOption)
    .option('--until <date>', 'entries before this date (YYYY-MM-DD or an ISO time)', parseDateOption)
    .addOption(new Option('--format <format>', 'output format').choices(['csv', 'json', 'md']).makeOptionMandatory())
    .option('--out <file>', 'write to this file instead of standard output')
    .option('--store <url>', 'store URL (default: STORE_URL, else sqlite://data/rumorguard.sqlite)')
    .action(async (flags: ExportFlags) => {
      if (flags.since && flags.until && flags.since >= flags.until) {
        throw new CliError(`--since ${flags.since.toISOString()} is not before --until ${flags.until.toISOString()}: no entry can be in between`);
      }
      const url = storeUrlOf(flags.store);
      if (flags.out) refuseOwnFile(flags.out, url);
      // Every format carries the group's latest signed checkpoint (LEDGER_CHECKPOINT_FILE).
      const signed = await checkpointsToUse(undefined);
      if (!signed.ok) throw new CliError(`cannot export: ${signed.error}`);
      const checkpoint = signed.checkpoints.get(flags.group);
      const options: ExportOptions = {
        format: flags.format,
        ...(flags.since ? { since: flags.since } : {}),
        ...(flags.until ? { until: flags.until } : {}),
        ...(checkpoint ? { checkpoint } : {}),
        ...(signed.trustedKey ? { trustedKey: signed.trustedKey } : {}),
      };
      await withLedger(url, async (ledger) => {
        // A group whose entries are all gone but that a checkpoint names is exported: the report says what is missing.
        if (!checkpoint && (await ledger.tail(flags.group, 1)).length === 0) throw new CliError(await noSuchGroup(ledger, flags.group, url));
        // Written as it is made, a page at a time: a ledger of millions of entries is never in memory whole.
        if (!flags.out) return exportLedger(ledger, flags.group, options, streamSink(process.stdout)).catch(quietOnClosedPipe);
        return writeOut(flags.out, (sink) => exportLedger(ledger, flags.group, options, sink));
      });
    });
}

/** A reader that stopped reading (`… | head`) ends the export, as it ends any command's output. */
function quietOnClosedPipe(error: unknown): void {
  if ((error as NodeJS.ErrnoException).code !== 'EPIPE') throw error;
}

/** Why `--out` could not be written, in words, for the usual causes. */
const WRITE_FAILURES: Record<string, string> = {
  ENOENT: 'its folder does not exist',
  EACCES: 'permission denied',
  EISDIR: 'it is a folder',
  ENOSPC: 'the disk is full',
};

/**
 * The bot's own files, which an export must never write over: the SQLite store (`--out
 * data/rumorguard.sqlite` emptied it, the export then failed and removed it), the signing key,
 * the signed checkpoints (the evidence) and the spool.
 */
function refuseOwnFile(file: string, storeUrl: string): void {
  const store = parseStoreUrl(storeUrl);
  const own = [
    ...(store.ok && store.target.backend === 'sqlite' ? [[store.target.file, 'the store']] : []),
    [process.env.LEDGER_KEY_FILE || ENV_DEFAULTS.LEDGER_KEY_FILE, 'the ledger signing key (LEDGER_KEY_FILE)'],
    [process.env.LEDGER_CHECKPOINT_FILE || ENV_DEFAULTS.LEDGER_CHECKPOINT_FILE, 'the signed checkpoints (LEDGER_CHECKPOINT_FILE)'],
    [process.env.SPOOL_FILE || ENV_DEFAULTS.SPOOL_FILE, 'the ledger spool (SPOOL_FILE)'],
  ] as const;
  const target = path.resolve(file);
  for (const [ownFile, what] of own) {
    const resolved = path.resolve(ownFile);
    // The same file under another name (a link, another path) counts too.
    if (resolved === target || sameFile(resolved, target)) throw new CliError(`--out ${file} is ${what}: the export would write over it; choose another file`);
  }
}

function sameFile(a: string, b: string): boolean {
  try {
    const [x, y] = [statSync(a), statSync(b)];
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

/**
 * Runs `write` into `file`, through a temporary file beside it renamed over it once complete: a
 * file that was there stays as it was when the export fails (the disk filled up, the store went
 * away), and nothing half written is left. A folder that is not there or a file that may not be
 * written is the user's to fix.
 */
async function writeOut<T>(file: string, write: (sink: TextSink) => Promise<T>): Promise<T> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  let handle: FileHandle;
  try {
    if ((await stat(file).catch(() => undefined))?.isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
    handle = await open(temporary, 'wx');
  } catch (error) {
    throw cannotWrite(file, error);
  }
  let complete = false;
  try {
    const result = await write(fileSink(handle));
    await handle.close();
    await rename(temporary, file);
    complete = true;
    return result;
  } catch (error) {
    throw (error as NodeJS.ErrnoException).syscall === 'write' ? cannotWrite(file, error) : error;
  } finally {
    await handle.close().catch(() => undefined);
    if (!complete) await rm(temporary, { force: true });
  }
}

function cannotWrite(file: string, error: unknown): CliError {
  const code = (error as NodeJS.ErrnoException).code;
  return new CliError(`cannot write ${file}: ${(code && WRITE_FAILURES[code]) ?? (error as Error).message}`);
}

/** A group has a ledger once something was recorded in it: name the groups there are instead. */
async function noSuchGroup(ledger: Ledger, group: string, url: string): Promise<string> {
  const groups = (await ledger.groups()).sort();
  const where = `the ledger at ${redactUrl(url)}`;
  if (groups.length === 0) return `${where} has no group "${group}" (it has no entries at all)`;
  const shown = groups.slice(0, GROUPS_SHOWN).map((g) => JSON.stringify(g)).join(', ');
  const more = groups.length > GROUPS_SHOWN ? ` and ${groups.length - GROUPS_SHOWN} more (rumorguard ledger verify lists them)` : '';
  return `${where} has no group "${group}"; its groups are ${shown}${more}`;
}
