import { createReadStream, createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { ManagementReportFile } from './managementReport.js';

/** The largest document a Telegram bot may send (Bot API sendDocument: 50 MB). */
export const TELEGRAM_UPLOAD_LIMIT = 50 * 1000 * 1000;
/**
 * The largest attachment a Discord bot may send in a server without boosts (10 MiB); boosted
 * servers allow more, but a report must reach every server's owner.
 */
export const DISCORD_UPLOAD_LIMIT = 10 * 1024 * 1024;

/** What a chat can be sent of a management report. */
export type ReportUpload =
  /** The report as it is, or gzip-compressed (`filename` ends in `.gz`) when only that fits. */
  | { kind: 'file'; path: string; filename: string; bytes: number; compressed: boolean }
  /** Too large even compressed: the admin downloads it from the dashboard. */
  | { kind: 'too_large'; bytes: number };

/**
 * Fits a report written to a file into a chat's upload limit: as it is when it fits, else
 * gzip-compressed beside it (streamed: never whole in memory, never blocking the bot), else not
 * at all. Markdown of a long ledger compresses about tenfold.
 */
export async function reportForChat(report: ManagementReportFile, limit: number): Promise<ReportUpload> {
  const bytes = (await stat(report.path)).size;
  if (bytes <= limit) return { kind: 'file', path: report.path, filename: report.filename, bytes, compressed: false };
  const gz = `${report.path}.gz`;
  await pipeline(createReadStream(report.path), createGzip({ level: 6 }), createWriteStream(gz));
  const compressed = (await stat(gz)).size;
  if (compressed <= limit) return { kind: 'file', path: gz, filename: `${report.filename}.gz`, bytes: compressed, compressed: true };
  return { kind: 'too_large', bytes };
}

/** "316 MB", "2.4 MB", "812 kB", "200 bytes": a file size for owners. */
export function fileSize(bytes: number): string {
  const [value, unit] = bytes >= 1_000_000 ? [bytes / 1_000_000, 'MB'] : bytes >= 1_000 ? [bytes / 1_000, 'kB'] : [bytes, 'bytes'];
  return `${value >= 10 || unit === 'bytes' ? Math.round(value) : Number(value.toFixed(1))} ${unit}`;
}
