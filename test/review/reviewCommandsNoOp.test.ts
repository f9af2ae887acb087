import { afterEach, describe, expect, it } from 'vitest';
import type { ChatMember } from '../../src/engine/chatMessage.js';
import { startCore } from '../adapters/coreHarness.js';
import { FIVE_G_ID, TEXT } from '../engine/harness.js';

const OWNER: ChatMember = { id: 'owner', name: 'Olivia', isAdmin: true };

let core: Awaited<ReturnType<typeof startCore>> | undefined;
afterEach(async () => {
  await core?.close();
  core = undefined;
});

async function setup() {
  core = await startCore({ groupId: 'g-a', secrets: [] });
  const command = (text: string, lang: 'en' | 'zh' = 'en') => core!.moderator.onAdminCommand('test', 'g-a', OWNER, text, lang);
  const adminRecords = async () => (await core!.records('g-a')).filter((r) => r.type === 'admin').map((r) => r.type === 'admin' && r.detail);
  return { core, command, adminRecords };
}

describe('review commands: a bad page number', () => {
  it.each(['/rg queue abc', '/rg queue 0', '/rg queue -1', '/rg queue 1.5', '/rg queue 0x1', '/rg reports abc', '/rg queue 1 2'])(
    'GIVEN one item in the queue AND %s THEN the usage, not "page NaN"',
    async (text) => {
      // Regression (QA): "/rg queue abc" answered "There is no page NaN: the queue has 1 page(s)."
      const { core, command } = await setup();
      await core.moderator.onFeedback('report', { platform: 'test', groupId: 'g-a', messageId: '1', member: { id: 'dave', name: 'Dave' }, text: TEXT.chatter, sentAt: 0 }, { id: 'r1', name: 'Rita' }, '');
      expect(await command(text)).toEqual({ ok: false, error: 'bad_argument', reply: 'Use /rg queue [page], page a whole number from 1.' });
      expect((await command('/rg queue 1')).reply).toContain('Rita');
      expect((await command(text, 'zh')).reply).toBe('用法：/rg queue [页码]，页码为从 1 开始的整数。');
    },
  );
});

describe('review commands that change nothing say so, and record nothing', () => {
  it('GIVEN /rg retire of a debunk twice THEN the second says it is retired already, and one admin entry is in the ledger', async () => {
    // Regression (QA): "/rg retire <debunk>" twice answered OK twice and ledgered two identical entries.
    const { command, adminRecords } = await setup();
    expect(await command(`/rg retire ${FIVE_G_ID}`)).toMatchObject({ ok: true, change: { action: 'retire' } });
    expect(await command(`/rg retire ${FIVE_G_ID}`)).toEqual({ ok: true, reply: `${FIVE_G_ID} is retired already in this group.` });
    expect((await command(`/rg retire ${FIVE_G_ID}`, 'zh')).reply).toBe(`${FIVE_G_ID} 已经在本群停用。`);
    expect(await adminRecords()).toEqual([`retired debunk ${FIVE_G_ID} for this group`]);
  });

  it.each([
    ['/rg tellreporter on', 'tell reporters of rejected reports on'],
    ['/rg spread off', 'count unknown rumors across groups off'],
    ['/rg digest on', 'weekly digest to owners on'],
  ])('GIVEN %s twice THEN the second says it is so already, and one admin entry is in the ledger', async (text, summary) => {
    const { command, adminRecords } = await setup();
    expect(await command(text)).toMatchObject({ ok: true, reply: `OK: ${summary}` });
    expect(await command(text)).toEqual({ ok: true, reply: `Already so: ${summary}. Nothing changed.` });
    expect(await adminRecords()).toEqual([summary]);
  });

  it('GIVEN the defaults THEN /rg tellreporter off, /rg spread on and /rg digest off change nothing and record nothing', async () => {
    const { command, adminRecords } = await setup();
    for (const text of ['/rg tellreporter off', '/rg spread on', '/rg digest off']) expect((await command(text)).reply).toMatch(/^Already so: .* Nothing changed\.$/);
    expect(await adminRecords()).toEqual([]);
  });
});
