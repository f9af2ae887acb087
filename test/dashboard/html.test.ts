import { describe, expect, it } from 'vitest';
import { escapeHtml, html, Html, shown, shownPlain } from '../../src/dashboard/html.js';

describe('html', () => {
  it.each([
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    ['</td><script>alert(1)</script>', '&lt;/td&gt;&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['" onmouseover="alert(1)', '&quot; onmouseover=&quot;alert(1)'],
    ["' autofocus onfocus='x", '&#39; autofocus onfocus=&#39;x'],
    ['Tom & Jerry', 'Tom &amp; Jerry'],
    ['`template`', '&#96;template&#96;'],
  ])('GIVEN %s THEN it is escaped as %s', (text, escaped) => {
    expect(escapeHtml(text)).toBe(escaped);
    expect(html`<td title="${text}">${text}</td>`.toString()).toBe(`<td title="${escaped}">${escaped}</td>`);
  });

  it('GIVEN nested templates, lists and absent values THEN only the outside text is escaped', () => {
    const names = ['<b>', 'ok'];
    const out = html`<ul>${names.map((n) => html`<li>${n}</li>`)}</ul>${false}${undefined}${null}${0}`;
    expect(out.toString()).toBe('<ul><li>&lt;b&gt;</li><li>ok</li></ul>0');
  });

  it('GIVEN markup the code made itself THEN Html.trusted keeps it as it is', () => {
    expect(html`<div>${Html.trusted('<p>report</p>')}</div>`.toString()).toBe('<div><p>report</p></div>');
  });

  it('GIVEN outside text with an override, zero-width spaces and markup THEN shown isolates it, escapes it and shows each invisible character; the zero-width joiner of emoji stays', () => {
    expect(shown('\u202Eecila <b>').toString()).toBe('<bdi><span class="invisible">U+202E</span>ecila &lt;b&gt;</bdi>');
    expect(shown('\u200B\u200B').toString()).toBe('<bdi><span class="invisible">U+200B</span><span class="invisible">U+200B</span></bdi>');
    expect(shown('👨\u200D👩').toString()).toBe('<bdi>👨\u200D👩</bdi>');
    expect(shownPlain('\u202Eecila')).toBe('[U+202E]ecila');
  });

  // Browser QA: on the English pages Chromium drew Chinese claims with Japanese glyphs (遗 with the Japanese 辶).
  it.each([
    { text: '群里有人发谣言', out: '<bdi lang="zh-Hans">群里有人发谣言</bdi>' },
    { text: '青浦一名幼兒園老師', out: '<bdi lang="zh-Hant">青浦一名幼兒園老師</bdi>' },
    { text: 'alice', out: '<bdi>alice</bdi>' },
  ])('GIVEN "$text" THEN shown says its script', ({ text, out }) => {
    expect(shown(text).toString()).toBe(out);
  });
});
