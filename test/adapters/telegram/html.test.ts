import { describe, expect, it } from 'vitest';
import { escapeHtml, htmlLink, htmlText } from '../../../adapters/telegram/html.js';
import { textHtml } from '../../../adapters/telegram/texts.js';

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
});
