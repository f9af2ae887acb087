import type { Language } from '../../engine/templates.js';
import type { Ledger } from '../ledger.js';
import { CHAIN_FAULTS } from '../verifyChain.js';
import { ledgerToMarkdownYielding } from './toMarkdown.js';

/** The owner's management report of one group, ready to send as a file from a chat. */
export interface ManagementReport {
  /** The report (see ledgerToMarkdown), with the chain's verification at the top. */
  markdown: string;
  /** Entries in the group's chain. */
  entries: number;
  /** "verified", or "FAILED (seq 12: …)", in the language asked for. */
  status: string;
  /** `rumorguard-<group>-<YYYY-MM-DD>.md` */
  filename: string;
}

/**
 * Verifies a group's chain (against its latest signed checkpoint, where the ledger has one) and
 * writes its management report, with that signed head, for `export` commands in chats.
 */
export async function managementReport(ledger: Ledger, groupId: string, lang: Language, now: number): Promise<ManagementReport> {
  const [check, entries] = await Promise.all([ledger.verify(groupId), ledger.entries(groupId)]);
  const status = check.ok
    ? lang === 'zh'
      ? '校验通过'
      : 'verified'
    : `${lang === 'zh' ? '校验失败' : 'FAILED'} (seq ${check.seq}: ${CHAIN_FAULTS[check.fault]}${check.detail ? `; ${check.detail}` : ''})`;
  const checkpoint = ledger.checkpoint(groupId);
  return {
    markdown: await ledgerToMarkdownYielding(entries, { groupId, check, ...(checkpoint ? { checkpoint } : {}) }),
    entries: entries.length,
    status,
    filename: `rumorguard-${groupId}-${new Date(now).toISOString().slice(0, 10)}.md`,
  };
}
