import { refutationContent } from '../../../src/engine/refutationContent.js';
import { PermissionFlagsBits } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { parseButton, refutationButtons } from '../../../adapters/discord/buttons.js';
import { markdownLink, safeText } from '../../../adapters/discord/markdown.js';
import { allowedMentions, messageOptions, mergeDiscord, digestNotice } from '../../../adapters/discord/outgoing.js';
import { alertEmbed, refutationEmbed } from '../../../adapters/discord/replies.js';
import { intentText } from '../../../src/engine/intentText.js';
import type { IntentOf } from '../../../src/engine/decision.js';
import { checkShardableStore } from '../../../adapters/discord/runDiscord.js';
import { applicationCommands, REPORT_COMMAND, slashCommands } from '../../../adapters/discord/slashCommands.js';
import { slashHelp, slashHelpEmbeds } from '../../../adapters/discord/slashHelp.js';
import { fitEmbeds } from '../../../adapters/discord/embedLimits.js';
import { DebunkSchema } from '../../../src/debunks/schema.js';

describe('Discord text safety', () => {
  it.each([
    ['@everyone look', '@\u200Beveryone look'],
    ['<@&123> and <@456>', '<\u200B@&123> and <\u200B@\u200B456>'],
    ['**bold** _it_ ||spoiler|| `code`', '\\*\\*bold\\*\\* \\_it\\_ \\|\\|spoiler\\|\\| \\`code\\`'],
    ['# heading', '\\# heading'],
    ['[click](https://evil.example)', '[click](https://evil.example)'.replace(/[[\]()]/g, (c) => c)],
  ])('GIVEN %j THEN it cannot ping or format: %j', (input, output) => {
    const safe = safeText(input);
    if (input.startsWith('[')) {
      expect(safe).not.toMatch(/^\[click\]\(https/); // a masked link must not survive as one
    } else {
      expect(safe).toBe(output);
    }
  });

  it('GIVEN a source URL with brackets and spaces THEN the link cannot break out; non-http URLs are not linked', () => {
    expect(markdownLink('https://example.org/a b)(c<d>', 'WHO [x]')).toBe('[WHO \\x\\](<https://example.org/a%20b%29%28c%3Cd%3E>)'.replace('\\x\\', 'x'));
    expect(markdownLink('javascript:alert(1)', 'x')).toBeUndefined();
  });

  it('GIVEN any outgoing message THEN allowed mentions parse nothing, and only a warning may ping the replied-to author', () => {
    expect(allowedMentions(false)).toEqual({ parse: [], users: [], roles: [], repliedUser: false });
    const options = messageOptions({ to: { channel: '1' }, content: '@everyone', replyTo: '2', pingAuthor: true });
    expect(options.allowedMentions).toEqual({ parse: [], users: [], roles: [], repliedUser: true });
    expect(options.reply).toEqual({ messageReference: '2', failIfNotExists: false });
  });

  it('GIVEN warnings folded into a digest THEN the digest pings nobody', () => {
    const merged = mergeDiscord(digestNotice('c', 'Alice, strike 2', 'm1', true), digestNotice('c', 'Bob, strike 2', 'm2', true));
    expect(merged).toMatchObject({ combined: true, payload: { content: 'Alice, strike 2\nBob, strike 2', replyTo: 'm2', pingAuthor: false } });
  });
});

const alertIntent = (claim: string): IntentOf<'alert_owners'> => ({
  type: 'alert_owners', reason: 'ladder_step', detail: 'strike 3', language: 'en', debunkId: 'x-rumor', claim,
  memberName: 'Dave', memberId: 'm-4', score: 1, strikes: 3, planned: ['mute'], owners: [],
});

// QA L1: the alert named the rumor by its id only; its claim comes from the database (or a member's accepted report).
describe('Discord owner alert', () => {
  it('GIVEN a claim with markdown, a masked link and a mention THEN the alert quotes the claim escaped, before the debunk id', () => {
    const embed = alertEmbed('Town', intentText(alertIntent('**Free** [nitro](https://ev.il) <@123> @here'))!, undefined, 'en');
    expect(embed.description).toContain('Dave posted a known rumor, “\\*\\*Free\\*\\* \\[nitro\\](https://ev.il) <\u200B@\u200B123> @\u200Bhere” (x-rumor, score 1.00)');
  });
});

describe('Discord refutation', () => {
  const hostile = DebunkSchema.parse({
    id: 'x',
    claim: 'c',
    verdict: 'false',
    refutation: '@here **Never** [tap](https://evil.example)',
    sources: [{ title: '](https://evil.example) WHO', url: 'https://www.who.int/a' }],
    lang: 'en',
    published: '2024-01-01',
  });

  it('GIVEN database text with mentions and markdown THEN the embed shows it as text', () => {
    const embed = refutationEmbed(refutationContent(hostile, 'en'));
    expect(embed.title).toBe('ℹ️ Fact check: rated false');
    expect(embed.description).toContain('@\u200Bhere \\*\\*Never\\*\\*');
    expect(embed.fields?.[0]?.value).toMatch(/^\[.*WHO\]\(<https:\/\/www\.who\.int\/a>\)$/);
    expect(embed.fields?.[0]?.value).not.toContain('](https://evil');
  });

  // QA: a member writing traditional characters was answered in simplified ones.
  it('GIVEN a refutation for a member who writes traditional characters THEN its title, text, sources and buttons are in them', () => {
    const zh = DebunkSchema.parse({ ...hostile, refutation: { zh: '这条消息是谣言' }, sources: [{ title: '辟谣平台', url: 'https://www.piyao.org.cn/a' }] });
    const embed = refutationEmbed(refutationContent(zh, 'zh', 'question', true));
    expect(embed.title).toBe('ℹ️ 問得好：這個說法被認定為「不實」');
    expect(embed.description).toBe('這條消息是謠言');
    expect(embed.fields?.[0]).toMatchObject({ name: '來源' });
    expect(embed.fields?.[0]?.value).toContain('(<https://www.piyao.org.cn/a>)');
    const [row] = refutationButtons('zh', 'x', '1', true);
    expect(row?.components.map((b) => ('label' in b ? b.label : ''))).toEqual(['來源', '不是謠言？', '舉報']);
  });

  it('GIVEN the buttons THEN custom ids round-trip and stay within 100 characters', () => {
    const [row] = refutationButtons('zh', `a${'b'.repeat(79)}`, '123456789012345678');
    expect(row?.components.map((b) => ('label' in b ? b.label : ''))).toEqual(['来源', '不是谣言？', '举报']);
    for (const b of row!.components) {
      const id = 'custom_id' in b ? b.custom_id : '';
      expect(id.length).toBeLessThanOrEqual(100);
      expect(parseButton(id)).toBeDefined();
    }
    expect(parseButton('rg:r:123')).toEqual({ kind: 'report', messageId: '123' });
    expect(parseButton((refutationButtons('en', 'garlic-prevents-infection', '123')[0]!.components[2] as { custom_id: string }).custom_id)).toEqual({
      kind: 'report',
      messageId: '123',
      debunkRef: 'garlic-prevents-infection',
    });
    expect(parseButton('rg:r:123:garlic-prevents-infection')).toEqual({ kind: 'report', messageId: '123', debunkRef: 'garlic-prevents-infection' });
    expect(parseButton('other:1')).toBeUndefined();
  });
});

describe('Discord application commands', () => {
  const [admin, check, menu] = applicationCommands();

  it('GIVEN /rumorguard THEN it needs Manage Server by default, works in servers only, and has every subcommand', () => {
    expect(admin).toMatchObject({ name: 'rumorguard', default_member_permissions: String(PermissionFlagsBits.ManageGuild), contexts: [0] });
    const subs = (admin as { options: { name: string }[] }).options.map((o) => o.name);
    expect(subs).toEqual([
      'help', 'status', 'mode', 'images', 'threshold', 'softreply', 'tellreporter', 'spread', 'digest', 'repeat', 'lang', 'exempt', 'unexempt', 'strikes',
      'pardon', 'incidents', 'export', 'alerts', 'dashboard', 'reports', 'resolve', 'retire', 'unretire', 'enable', 'disable',
    ]);
    // Discord takes at most 25 subcommands.
    expect(subs.length).toBeLessThanOrEqual(25);
    expect(admin).toMatchObject({ name_localizations: { 'zh-CN': '谣言守卫' }, description_localizations: { 'zh-CN': 'RumorGuard 设置与记录' } });
    const zhNames = (admin as { options: { name_localizations?: Record<string, string> }[] }).options.map((o) => o.name_localizations?.['zh-CN']);
    expect(zhNames.every((n) => n !== undefined && /^[-_\p{L}\p{N}]{1,32}$/u.test(n))).toBe(true);
    expect(new Set(zhNames).size).toBe(zhNames.length);
  });

  it('GIVEN /check and the context menu THEN everyone may use them, localized', () => {
    expect(check).toMatchObject({ name: 'check', name_localizations: { 'zh-CN': '查证' } });
    expect(check).not.toHaveProperty('default_member_permissions', expect.any(String));
    expect(menu).toMatchObject({ name: REPORT_COMMAND, type: 3, name_localizations: { 'zh-CN': '举报为谣言' } });
  });
});

describe('/rumorguard help', () => {
  type Option = { name: string; type: number; options?: Option[] };
  const admin = slashCommands()[0] as { name: string; options: Option[] };

  it.each(['en', 'zh'] as const)('GIVEN the slash commands as registered THEN the %s help lists every subcommand with each of its options, and no form only Telegram has', (lang) => {
    const lines = slashHelp(slashCommands(), lang);
    for (const sub of admin.options) {
      const line = lines.find((l) => l.startsWith(`\`/rumorguard ${sub.name}\``) || l.startsWith(`\`/rumorguard ${sub.name} `));
      expect(line, sub.name).toBeDefined();
      for (const option of sub.options ?? []) expect(line, `${sub.name} ${option.name}`).toMatch(new RegExp(`[ [\\[]${option.name}:`));
    }
    expect(lines.some((l) => l.startsWith('`/check text:'))).toBe(true);
    const help = lines.join('\n');
    // Telegram's forms: "/rg …", "accept <id> | <verdict> | …", "(or: /rg lang …)", "queue [page] (or reports)", member ids.
    expect(help).not.toMatch(/\/rg\b|\/rumorguard (accept|reject|queue|settings|language)\b| \| <|\(or: |\(or (status|reports)\)|（或：|（或 (status|reports)）|member id|成员 ID/);
  });

  it.each(['en', 'zh'] as const)('GIVEN the %s help THEN it is answered whole, within the limits of one message\'s embeds', (lang) => {
    const embeds = slashHelpEmbeds(slashCommands(), lang);
    const lines = embeds.flatMap((e) => (e.description ?? '').split('\n'));
    expect(lines).toEqual(slashHelp(slashCommands(), lang));
    expect(embeds.length).toBeLessThanOrEqual(10);
    expect(fitEmbeds(embeds)).toEqual(embeds);
  });
});

describe('checkShardableStore', () => {
  it.each([
    ['memory:', false],
    ['sqlite://data/rumorguard.sqlite', true],
    ['redis://127.0.0.1:6379', true],
    ['postgres://u@h/db', true],
  ])('GIVEN %s THEN shards may share it: %s', (url, ok) => {
    const r = checkShardableStore(url);
    expect(r.ok).toBe(ok);
    if (!r.ok) expect(r.reason).toMatch(/memory: keeps .* inside one process/);
  });
});

describe('README invite URL', () => {
  it('GIVEN the permissions the bot uses THEN the README states their integer', async () => {
    const { readFileSync } = await import('node:fs');
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const P = PermissionFlagsBits;
    const needed = P.ViewChannel | P.SendMessages | P.SendMessagesInThreads | P.EmbedLinks | P.ReadMessageHistory | P.ManageMessages | P.ModerateMembers;
    expect(readme).toContain(`permissions=${needed}`);
  });
});
