import path from 'node:path';
import { Command, Option } from 'commander';
import { describeSkip, localImageReader, readImageFile } from '../../ocr/localImages.js';
import { CHATLOG_FORMATS } from '../../chatlog/chatlogEntry.js';
import { openChatlog, type ChatlogFormatChoice } from '../../chatlog/openChatlog.js';
import { loadEngine, type EngineFlags } from '../loadEngine.js';
import { terminalText } from '../../lib/terminalText.js';
import { formatSummary } from './formatSummary.js';
import { scanProgress } from './progressBar.js';
import { runScan, type ScanClock } from './runScan.js';

interface ScanFlags extends EngineFlags {
  json?: boolean;
  /** false with --no-images */
  images: boolean;
  format: ChatlogFormatChoice;
}

/**
 * `scan <file>`: a chat history through the rules, as if the bot had been in the group: which
 * rumors came up, and whom the ladder would have warned or muted.
 */
export function scanCommand(): Command {
  return new Command('scan')
    .description('run a chat history (text, JSONL or Telegram Desktop export) through the rules and summarize')
    .argument('<file>', 'chat history file')
    .option('--json', 'print one JSON object with the summary instead of the tables')
    .addOption(
      new Option('--format <format>', 'file format; auto chooses by extension (.jsonl/.ndjson, .json = Telegram, else text)')
        .choices(['auto', ...CHATLOG_FORMATS])
        .default('auto'),
    )
    .option('--no-images', 'do not read the photos of a Telegram Desktop export (they are read with the OCR by default)')
    .option('--dir <dir>', 'debunk folder (default: DEBUNKS_DIR, else rules/debunks)')
    .option('--rules <file>', 'rules file (default: rules/default.yaml)')
    .action(async (file: string, flags: ScanFlags) => {
      // The database in force is today's; each message is then judged at its own time.
      const clock: ScanClock = { now: Date.now() };
      const engine = await loadEngine(flags, { now: () => clock.now });
      if (!engine) return;
      const opened = await openChatlog(file, flags.format);
      if (!opened.ok) {
        process.stderr.write(`${terminalText(`${file}: ${opened.error}`)}\n`);
        process.exitCode = 1;
        return;
      }
      const { chatlog } = opened;
      // A Telegram Desktop export keeps its photos beside result.json (photos/…): they are read too.
      const local = chatlog.format === 'telegram' && flags.images ? localImageReader() : undefined;
      if (local && !local.ok) process.stderr.write(`${file}: photos not read: ${local.error}\n`);
      const reader = local?.ok ? local.reader : undefined;
      const folder = path.dirname(path.resolve(file));
      const progress = scanProgress(chatlog.size);
      const { tally, stopped } = await runScan({
        entries: chatlog.entries,
        engine,
        clock,
        onProblem: (line, message) => progress.log(terminalText(`${file}:${line}: ${message}`)),
        onEntry: () => progress.update(chatlog.bytesRead()),
        ...(reader
          ? {
              readPicture: async (picture: string) => {
                const read = await readImageFile(reader, path.join(folder, picture));
                return read.ok ? read : { ok: false as const, why: read.reason === 'fetch_failed' ? 'not in the export folder' : describeSkip(read) };
              },
            }
          : {}),
      }).finally(() => reader?.close());
      progress.stop();
      if (flags.json) process.stdout.write(`${JSON.stringify(tally.summary())}\n`);
      else process.stdout.write(`${formatSummary(file, tally).join('\n')}\n`);
      if (stopped) process.exitCode = 1;
    });
}
