import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Language } from '../../engine/templates.js';
import type { Ledger } from '../ledger.js';
import type { ChainCheck } from '../verifyChain.js';
import { exportLedger } from './exportLedger.js';
import { REPORT_WORDS } from './reportWords.js';
import { fileSink, type TextSink } from './textSink.js';

/** The owner's management report of one group, as a chat sends it. */
export interface ManagementReport {
  /** Entries in the report. */
  entries: number;
  /** "verified", or "FAILED (seq 12: …)", in the language asked for. */
  status: string;
  /** `rumorguard-<group>-<YYYY-MM-DD>.md` */
  filename: string;
}

/** A report written to a temporary file, to send from there; `remove` deletes it. */
export interface ManagementReportFile extends ManagementReport {
  path: string;
  remove: () => Promise<void>;
}

/**
 * Verifies a group's chain (against its latest signed checkpoint, where the ledger has one) and
 * writes its management report (see ledgerToMarkdown), with that signed head, to `sink`, for
 * `export` commands in chats: in `lang`, the language the admin is answered in (a Chinese
 * group's report was English, QA), which `ledger verify --checkpoint` reads as well.
 */
export async function managementReport(ledger: Ledger, groupId: string, lang: Language, now: number, sink: TextSink, groupTitle?: string): Promise<ManagementReport> {
  const { entries, check } = await exportLedger(ledger, groupId, { format: 'md', lang, ...(groupTitle ? { groupTitle } : {}) }, sink);
  return { entries, status: statusOf(check!, lang), filename: `rumorguard-${groupId}-${new Date(now).toISOString().slice(0, 10)}.md` };
}

/**
 * {@link managementReport} streamed into a file of its own in the system's temporary folder, so a
 * report of a million incidents is sent from disk rather than built in the bot's memory.
 */
export async function managementReportFile(ledger: Ledger, groupId: string, lang: Language, now: number, groupTitle?: string): Promise<ManagementReportFile> {
  const dir = await mkdtemp(path.join(tmpdir(), 'rumorguard-report-'));
  const remove = () => rm(dir, { recursive: true, force: true });
  try {
    const file = path.join(dir, 'report.md');
    const handle = await open(file, 'w');
    try {
      return { ...(await managementReport(ledger, groupId, lang, now, fileSink(handle), groupTitle)), path: file, remove };
    } finally {
      await handle.close();
    }
  } catch (error) {
    await remove();
    throw error;
  }
}

function statusOf(check: ChainCheck, lang: Language): string {
  if (check.ok) return lang === 'zh' ? '校验通过' : 'verified';
  return `${lang === 'zh' ? '校验失败' : 'FAILED'} (seq ${check.seq}: ${REPORT_WORDS[lang].faults[check.fault]}${check.detail ? `; ${check.detail}` : ''})`;
}
