import { describe, expect, it } from 'vitest';
import { exportLedger } from '../../src/ledger/export/exportLedger.js';
import { REPORT_WORDS } from '../../src/ledger/export/reportWords.js';
import { textCollector } from '../../src/ledger/export/textSink.js';
import { ledgerToMarkdown } from '../../src/ledger/export/toMarkdown.js';
import { Ledger } from '../../src/ledger/ledger.js';
import { memoryLedgerBackend } from '../../src/ledger/ledgerBackend.js';
import { verifyChain } from '../../src/ledger/verifyChain.js';
import { incident, outcome, steppingClock } from './fixtures.js';

/** A refutation sent, a pointer skipped by the cooldown, a mute withheld by the settings. */
async function ledger() {
  const backend = memoryLedgerBackend();
  const ledger = new Ledger(backend, steppingClock());
  await ledger.append(incident({ recordId: 'i1', messageId: '1' }));
  await ledger.append(outcome('i1', [{ type: 'reply_refutation', status: 'done', at: '2026-03-01T10:00:06.000Z' }], { messageId: '1' }));
  await ledger.append(
    incident({
      recordId: 'i2',
      messageId: '2',
      strikes: 2,
      actions: [
        { type: 'pointer', detail: 'strike 2', status: 'planned' },
        { type: 'mute', detail: 'strike 2', status: 'withheld', withheldBecause: 'action_disabled', durationMs: 3_600_000 },
      ],
    }),
  );
  await ledger.append(outcome('i2', [{ type: 'pointer', status: 'skipped', reason: 'cooldown', at: '2026-03-01T10:00:09.000Z' }], { messageId: '2' }));
  return { ledger, entries: await backend.read('g') };
}

describe('the management report in the dashboard\'s language (QA: the Report page stayed English in Chinese)', () => {
  it('GIVEN lang zh THEN the report\'s headings, rows and outcome words are Chinese, and no English sentence of the report is left', async () => {
    const { entries } = await ledger();
    const md = ledgerToMarkdown(entries, { groupId: 'g', check: verifyChain('g', entries), lang: 'zh' });
    expect(md).toContain('# RumorGuard 管理报告：群 g');
    expect(md).toContain('## 总计');
    expect(md).toContain('## 实际处理');
    expect(md).toContain('| 辟谣回复 | 1 | 0 | 0 | 0 | 0 |');
    expect(md).toContain('辟谣回复：已完成');
    expect(md).toContain('指向辟谣：已跳过（一分钟一次）');
    expect(md).toContain('禁言：被设置暂缓（本群未启用）');
    expect(md).toContain('账本链校验通过');
    for (const english of ['## Totals', 'What was done', 'Period:', 'skipped', 'withheld', 'refutation:', 'Ledger chain']) expect(md).not.toContain(english);
  });

  it('GIVEN no lang THEN the report is the English one, as files and chats get it', async () => {
    const { ledger: l, entries } = await ledger();
    const md = ledgerToMarkdown(entries, { groupId: 'g', check: verifyChain('g', entries) });
    expect(md).toBe(ledgerToMarkdown(entries, { groupId: 'g', check: verifyChain('g', entries), lang: 'en' }));
    expect(md).toContain('pointer: skipped (one a minute)');
    expect(md).toContain('## Totals');
    // The streamed export says the same in both languages as the one in memory.
    for (const lang of ['en', 'zh'] as const) {
      const collected = textCollector();
      await exportLedger(l, 'g', { format: 'md', lang, worker: false }, collected.sink);
      const figures = (text: string) => text.slice(text.indexOf(REPORT_WORDS[lang].totals));
      expect(figures(collected.text())).toBe(figures(ledgerToMarkdown(entries, { groupId: 'g', check: verifyChain('g', entries), lang })));
    }
  });
});
