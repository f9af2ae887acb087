import { codePointName, DIRECTION_CHARS } from '../lib/directionChars.js';
import { replyLanguage } from '../engine/language.js';
import { writesTraditional } from '../engine/script.js';

/**
 * HTML that is safe to send as it is: built by `html` (whose every interpolation is escaped) or
 * marked with `trusted` by code that made it safe itself. Member names, message texts, debunk
 * texts and anything else from outside only ever reach a page as interpolations, so none of them
 * can open a tag, close an attribute or start a script.
 */
export class Html {
  private constructor(readonly text: string) {}

  /** For markup this code produced itself (a rendered report); never for outside text. */
  static trusted(text: string): Html {
    return new Html(text);
  }

  toString(): string {
    return this.text;
  }
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

/** Text as HTML: the characters that mean something in markup or in a quoted attribute, escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => ESCAPES[c]!);
}

/** What may stand in an `html` template: escaped unless it is Html already; lists are joined. */
export type HtmlValue = Html | string | number | boolean | null | undefined | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value instanceof Html) return value.text;
  if (Array.isArray(value)) return value.map(render).join('');
  // false, null and undefined render as nothing, so `${cond && html`…`}` works.
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

/**
 * The page template tag: `html\`<td>${member.name}</td>\`` escapes the name. Attribute values
 * must be quoted in the template (`title="${x}"`); the escaping covers both quote kinds.
 */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + strings[i + 1]!;
  return Html.trusted(out);
}

/**
 * Characters that show nothing, or turn the text around them: controls (not tab or line breaks),
 * the soft hyphen, direction marks, embeddings, overrides and isolates, zero-width spaces, the
 * word joiner and invisible operators, the byte-order mark. Not the zero-width joiner, which emoji
 * sequences are made of.
 */
const INVISIBLE = new RegExp(`[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\u00AD\\u180E\\u200B\\u200C\\u2060-\\u2064\\uFEFF${DIRECTION_CHARS}]`, 'g');

/**
 * Text from outside (a member's name, a message, a group's title) as a page shows it: isolated
 * from the text around it (`<bdi>`, so a right-to-left override in a name cannot turn a strike
 * count or a date around), and each invisible character (INVISIBLE) shown as its code point, so
 * a name of zero-width spaces is not an invisible link and "\u202Eecila" does not pass for
 * "alice". For display only: form fields keep the text as it is. Chinese text says its script
 * (`lang`), so a page in English draws it with Chinese glyphs, not Japanese ones (browser QA: 遗
 * took the Japanese 辶 on the English pages).
 */
export function shown(text: string): Html {
  const escaped = escapeHtml(text).replace(INVISIBLE, (c) => `<span class="invisible">${codePointName(c)}</span>`);
  const lang = replyLanguage('auto', text) === 'zh' ? (writesTraditional(text) ? ' lang="zh-Hant"' : ' lang="zh-Hans"') : '';
  return Html.trusted(`<bdi${lang}>${escaped}</bdi>`);
}

/** `shown` where no markup can stand (a page's `<title>`): each invisible character as [U+…]. */
export function shownPlain(text: string): string {
  return text.replace(INVISIBLE, (c) => `[${codePointName(c)}]`);
}
