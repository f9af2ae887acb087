import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkpointsIn } from '../../../src/ledger/checkpoints/checkpointsIn.js';
import { signCheckpoint, signingKey, type SignedCheckpoint } from '../../../src/ledger/checkpoints/signedCheckpoint.js';
import { managementReport } from '../../../src/ledger/export/managementReport.js';
import { textCollector } from '../../../src/ledger/export/textSink.js';
import { Ledger } from '../../../src/ledger/ledger.js';
import { memoryLedgerBackend } from '../../../src/ledger/ledgerBackend.js';
import type { Language } from '../../../src/engine/templates.js';
import { incident, steppingClock } from '../fixtures.js';

const NOW = Date.parse('2026-03-03T00:00:00.000Z');

/** A chat's `/rg export` of group `groupId` (one incident, a signed head) in `lang`: the report's text and what the chat is told. */
async function exported(groupId: string, lang: Language) {
  const backend = memoryLedgerBackend();
  const key = signingKey(generateKeyPairSync('ed25519').privateKey);
  let checkpoint: SignedCheckpoint | undefined;
  const ledger = new Ledger(backend, { now: steppingClock(), checkpoints: { latest: () => checkpoint, trustedKey: key.publicKey } });
  await ledger.append(incident({ groupId }));
  const [head] = await backend.read(groupId);
  checkpoint = signCheckpoint({ groupId, seq: head!.seq, hash: head!.hash, at: '2026-03-02T00:00:00.000Z' }, key);
  const collected = textCollector();
  const report = await managementReport(ledger, groupId, lang, NOW, collected.sink, 'Family');
  return { report, md: collected.text(), checkpoint };
}

describe('the management report a chat\'s /rg export sends', () => {
  it('GIVEN a Chinese group THEN the report is written in Chinese, and ledger verify --checkpoint still reads its signed head', async () => {
    // Regression (QA M5): in a group set to Chinese the report was entirely English.
    const { report, md, checkpoint } = await exported('-1001234567890', 'zh');
    expect(report.status).toBe('校验通过');
    expect(md.split('\n')[0]).toBe('# RumorGuard 管理报告：Family（群 -1001234567890）');
    expect(md).toContain('\n## 总计\n');
    expect(md).toContain('\n## 签名链头\n');
    expect(md).not.toContain('## Totals');
    expect(checkpointsIn('report.md', md)).toEqual({ ok: true, checkpoints: new Map([['-1001234567890', checkpoint]]) });
  });

  it('GIVEN an English group THEN the report is English, as before', async () => {
    const { report, md } = await exported('g', 'en');
    expect(report.status).toBe('verified');
    expect(md.split('\n')[0]).toBe('# RumorGuard management report: Family (group g)');
  });

  it.each([
    ['-1001234567890', 'en', '`rumorguard ledger verify --group -1001234567890 --checkpoint <this file>`'],
    ['console', 'zh', '`rumorguard ledger verify --group console --checkpoint <本文件>`'],
    ["team's chat", 'en', "`rumorguard ledger verify --group 'team'\\''s chat' --checkpoint <this file>`"],
    ['a`b', 'en', "``rumorguard ledger verify --group 'a`b' --checkpoint <this file>``"],
  ] as const)('GIVEN group %s (%s) THEN the report names the group in the verify command, shell-quoted, in a code span it cannot close', async (groupId, lang, command) => {
    // Regression (QA L3): the report said `--group <group>` though it knows the group.
    const { md } = await exported(groupId, lang);
    expect(md).toContain(command);
    expect(md).not.toContain('--group <group>');
  });

  it('GIVEN a group id with a line break THEN the command keeps the placeholder rather than break out of its line', async () => {
    const { md } = await exported('x\n# heading', 'en');
    expect(md).toContain('`rumorguard ledger verify --group <group> --checkpoint <this file>`');
    expect(md).not.toContain('\n# heading');
  });
});
