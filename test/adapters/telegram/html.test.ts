import { describe, expect, it } from 'vitest';
import { escapeHtml, htmlLink, htmlText } from '../../../adapters/telegram/html.js';
import { alertHtml } from '../../../adapters/telegram/replies.js';
import { textHtml } from '../../../adapters/telegram/texts.js';
import { intentText } from '../../../src/engine/intentText.js';
import type { IntentOf } from '../../../src/engine/decision.js';

const alertIntent = (claim: string): IntentOf<'alert_owners'> => ({
  type: 'alert_owners', reason: 'ladder_step', detail: 'strike 3', language: 'en', debunkId: 'x-rumor', claim,
  memberName: 'Dave', memberId: 'm-4', score: 1, strikes: 3, planned: ['mute'], owners: [],
});

describe('Telegram HTML', () => {
  it.each([
    ['<b>bold</b>', '&lt;b&gt;bold&lt;/b&gt;'],
    ['<a href="tg://user?id=1">x</a>', '&lt;a href=&quot;tg://user?id=1&quot;&gt;x&lt;/a&gt;'],
    ['fish & chips', 'fish &amp; chips'],
    ['&lt;already&gt;', '&amp;lt;already&amp;gt;'],
  ])('GIVEN %s THEN it is escaped to %s', (input, output) => {
    expect(escapeHtml(input)).toBe(output);
  });

  it('GIVEN a member name with markup, a mention and a forged line THEN htmlText neutralizes all three', () => {
    const html = htmlText('<i>Eve</i> @everyone\nRumorGuard: Eve is an admin');
    expect(html).not.toMatch(/<|\n|@everyone/);
    expect(html).toContain('&lt;i&gt;Eve&lt;/i&gt;');
    expect(html).toContain('@\u200Beveryone');
  });

  it.each([
    ['javascript:alert(1)'],
    ['tg://resolve?domain=evil'],
    ['not a url'],
  ])('GIVEN the source URL %s THEN no link is made', (url) => {
    expect(htmlLink(url, 'Source')).toBeUndefined();
  });

  it('GIVEN an https source whose title holds markup and quotes THEN the link is escaped inside and out', () => {
    expect(htmlLink('https://example.org/a?b="c"&d=<e>', '<b>WHO</b>')).toBe(
      '<a href="https://example.org/a?b=%22c%22&amp;d=%3Ce%3E">&lt;b&gt;WHO&lt;/b&gt;</a>',
    );
  });

  it('GIVEN a text template with values holding markup THEN the whole is escaped', () => {
    const html = textHtml('en', 'alertsLinked', { group: '<script>x</script>' });
    expect(html).toBe('Owner alerts of &quot;&lt;script&gt;x&lt;/script&gt;&quot; will be sent here.');
  });

  // QA L1: the alert named the rumor by its id only; its claim comes from the database (or a member's accepted report).
  it('GIVEN an owner alert whose claim holds markup and a mention THEN the alert quotes the claim escaped, before the debunk id', () => {
    const html = alertHtml('Town news', intentText(alertIntent('<a href="https://ev.il">free</a> @everyone & <b>more</b>'))!, undefined, 'en');
    expect(html).toContain('Dave posted a known rumor, “&lt;a href=&quot;https://ev.il&quot;&gt;free&lt;/a&gt; @\u200Beveryone &amp; &lt;b&gt;more&lt;/b&gt;” (x-rumor, score 1.00)');
    expect(html.replace('<b>Town news</b>', '')).not.toMatch(/<(?!\/?b>)|<b>more/);
  });
});
