import { describe, expect, it } from 'vitest';
import { escapeDiscordMarkdown } from '../../adapters/discord/markdown.js';
import { escapeHtml } from '../../adapters/telegram/html.js';
import { runAdminCommand } from '../../src/commands/adminCommands.js';
import { FeedbackQueue, MAX_OPEN_ITEMS, MAX_OPEN_PER_MEMBER } from '../../src/feedback/feedbackQueue.js';
import { memoryStore } from '../../src/store/keyvStore.js';
import { harness } from '../engine/harness.js';
import { reviewItems } from '../../src/review/reviewItems.js';
import { reviewListing } from '../../src/review/reviewListing.js';

// Issue 13 row 8: /rg queue showed notes and names with live @mentions and U+202E; one member
// filled all 200 slots; the listing reached 107,489 characters (Telegram refuses > 4,096, Discord
// cuts at 2,000).

const OWNER = { id: 'o', name: 'Owner', isAdmin: true };
const PLATFORMS = [
  ['telegram', { maxLength: 4096, measure: (t: string) => escapeHtml(t).length }],
  ['discord', { maxLength: 2000, measure: (t: string) => escapeDiscordMarkdown(t).length }],
] as const;

const report = (member: number, n: number) => ({
  kind: 'report' as const,
  groupId: 'g',
  messageId: `m-${member}-${n}`,
  by: { id: `u${member}`, name: `@everyone \u202E${'"<&>*_'.repeat(30)}` },
  note: `@admin_user look \u202Egnp.exe ${'"&<>*_[]'.repeat(100)}`,
});

describe('the review queue', () => {
  it('GIVEN one member reporting 200 times THEN they get at most the per-member share, and another member can still report', async () => {
    const queue = new FeedbackQueue(memoryStore());
    const results = [];
    for (let n = 0; n < MAX_OPEN_ITEMS; n++) results.push(await queue.add(report(1, n)));
    expect(results.filter((r) => r.ok)).toHaveLength(MAX_OPEN_PER_MEMBER);
    expect(results.at(-1)).toEqual({ ok: false, error: 'member_limit' });
    expect(await queue.add(report(2, 0))).toMatchObject({ ok: true });
  });

  it.each(PLATFORMS)('GIVEN a full queue of hostile names and notes THEN every /rg queue page fits %s, lists each item once, and holds no live mention or direction override', async (_, limit) => {
    const queue = new FeedbackQueue(memoryStore());
    for (let member = 0; member < MAX_OPEN_ITEMS / MAX_OPEN_PER_MEMBER; member++) {
      for (let n = 0; n < MAX_OPEN_PER_MEMBER; n++) expect((await queue.add(report(member, n))).ok).toBe(true);
    }
    const { engine } = harness();
    const ids = new Set((await queue.open('g')).map((i) => i.id));
    expect(ids.size).toBe(MAX_OPEN_ITEMS);
    const seen: string[] = [];
    let pages = Infinity;
    for (let page = 1; page <= pages; page++) {
      const r = await runAdminCommand(engine, 'g', OWNER, `/rg queue ${page}`, queue, 'en', limit);
      expect(limit.measure(r.reply)).toBeLessThanOrEqual(limit.maxLength);
      expect(r.reply).not.toMatch(/@(everyone|admin_user)/);
      expect(r.reply).not.toContain('\u202E');
      pages = Number(/page \d+ of (\d+)/.exec(r.reply)?.[1] ?? 1);
      seen.push(...r.reply.split('\n').flatMap((l) => /^([0-9a-f]{8}) report/.exec(l)?.[1] ?? []));
      expect(page).toBeLessThan(250);
    }
    expect(seen.sort()).toEqual([...ids].sort());
  });

  it.each(PLATFORMS)('GIVEN the same queue through review (what the bot runs) THEN every page fits %s, lists each item once, and holds no live mention or direction override', async (_, limit) => {
    const queue = new FeedbackQueue(memoryStore());
    for (let member = 0; member < MAX_OPEN_ITEMS / MAX_OPEN_PER_MEMBER; member++) {
      for (let n = 0; n < MAX_OPEN_PER_MEMBER; n++) expect((await queue.add(report(member, n))).ok).toBe(true);
    }
    const items = reviewItems(await queue.open('g'));
    const seen: string[] = [];
    let pages = Infinity;
    for (let page = 1; page <= pages; page++) {
      const reply = reviewListing(items, 'en', page, limit);
      expect(limit.measure(reply)).toBeLessThanOrEqual(limit.maxLength);
      expect(reply).not.toMatch(/@(everyone|admin_user)/);
      expect(reply).not.toContain('\u202E');
      pages = Number(/page \d+ of (\d+)/.exec(reply)?.[1] ?? 1);
      seen.push(...reply.split('\n').flatMap((l) => /^(\S+) report ×/.exec(l)?.[1] ?? []));
      expect(page).toBeLessThan(250);
    }
    expect(seen.sort()).toEqual(items.map((i) => i.id).sort());
  });
});
