import type { Debunk, Source, Verdict } from '../debunks/schema.js';
import { fillTemplate } from '../lib/fillTemplate.js';
import type { ActionType } from '../rules/actionTypes.js';
import { plainName, plainText } from './plainText.js';
import { inScript } from './script.js';

export type Language = 'en' | 'zh';

const VERDICT_NAMES: Record<Language, Record<Verdict, string>> = {
  en: { false: 'false', misleading: 'misleading', unproven: 'unproven', outdated: 'outdated', satire: 'satire' },
  zh: { false: '不实', misleading: '误导', unproven: '未经证实', outdated: '已过时', satire: '讽刺' },
};

/**
 * The bot's texts. Placeholders are filled with plain text only (see plainText); adapters send
 * the result without any markup mode, so nothing a member writes can inject formatting.
 */
const TEMPLATES = {
  en: {
    refutation: 'ℹ️ Fact check: this repeats a claim rated {verdict}.\n{refutation}\nSource: {source}',
    answer: 'ℹ️ Good question: fact-checkers rated this claim {verdict}.\n{refutation}\nSource: {source}',
    suggest: 'You may want to check this: it resembles a claim rated {verdict} ({claim}).',
    // {ago}: agoText, how long ago the refutation pointed to went out.
    pointer: 'This rumor was answered {ago}: {link}',
    pointerNoLink: 'This rumor was answered {ago}.',
    // A member who asked gets the answer itself (the verdict), and where to read why.
    pointerAsked: 'ℹ️ Good question: fact-checkers rated this claim {verdict}. It was answered here {ago}: {link}',
    pointerAskedNoLink: 'ℹ️ Good question: fact-checkers rated this claim {verdict}. It was answered here {ago}.',
    warning: '{name}, please check before sharing: this is strike {n}. Strikes expire after {days} days; repeated rumors can lead to a mute.',
    mute: '{name} is muted for {duration} for repeating refuted rumors.',
    delete: 'A message repeating a refuted rumor was removed.',
    // Sent as the actions are carried out, before their outcomes are known: what was planned
    // ({actions}: actionList, the actions in words).
    // {claim}: alertClaim, the rumor as the database words it (the owner knows it by that, not by its id).
    alert: 'RumorGuard: {name} posted a known rumor, “{claim}” ({debunk}, score {score}), strike {n}. Actions planned: {actions}.',
  },
  zh: {
    refutation: 'ℹ️ 辟谣提示：这条消息与一条已被认定为「{verdict}」的说法相符。\n{refutation}\n来源：{source}',
    answer: 'ℹ️ 问得好：这个说法已被认定为「{verdict}」。\n{refutation}\n来源：{source}',
    suggest: '建议核实：这条消息与一条被认定为「{verdict}」的说法相似（{claim}）。',
    pointer: '这条说法{ago}已经辟谣：{link}',
    pointerNoLink: '这条说法{ago}已经辟谣。',
    pointerAsked: 'ℹ️ 问得好：这个说法已被认定为「{verdict}」，{ago}在这里辟谣过：{link}',
    pointerAskedNoLink: 'ℹ️ 问得好：这个说法已被认定为「{verdict}」，{ago}在这里辟谣过。',
    warning: '{name}，转发前请先核实：这是第{n}条违规记录（{days}天之后失效），多次传播谣言可能会被禁言。',
    mute: '{name} 因多次传播已辟谣的说法被禁言{duration}。',
    delete: '一条传播已辟谣说法的消息已被删除。',
    alert: 'RumorGuard：{name} 发布了已辟谣的说法「{claim}」（{debunk}，匹配度 {score}），第{n}次。计划处理：{actions}。',
  },
} as const satisfies Record<Language, Record<string, string>>;

export type TemplateName = keyof (typeof TEMPLATES)['en'];

/**
 * Values said as they are in either script: a member's name, a link, a debunk's id, and what a
 * RefutationContent already holds in the member's script (its refutation, and its source line,
 * whose URL must stay as it is).
 */
const AS_GIVEN = new Set(['name', 'link', 'debunk', 'source', 'refutation']);

/** The templates in traditional characters, each converted once. */
const TRADITIONAL = new Map<string, string>();
const traditionalTemplate = (lang: Language, name: TemplateName): string => {
  const key = `${lang} ${name}`;
  let template = TRADITIONAL.get(key);
  if (template === undefined) TRADITIONAL.set(key, (template = inScript(TEMPLATES[lang][name], true)));
  return template;
};

/**
 * Fills a template; every value is neutralized first (no mentions, no control characters; a name,
 * no link). `traditional`: said in traditional Chinese characters, names, links and ids as given.
 */
export function render(lang: Language, name: TemplateName, values: Record<string, string | number>, traditional?: boolean): string {
  // A member's name is no link either (plainName); other values may be (a pointer's link).
  const named = typeof values.name === 'string' ? { ...values, name: plainName(values.name) } : values;
  if (!traditional) return fillTemplate(TEMPLATES[lang][name], named, (v) => plainText(v, 1000));
  const converted = Object.fromEntries(Object.entries(named).map(([k, v]) => [k, typeof v === 'string' && !AS_GIVEN.has(k) ? inScript(v, true) : v]));
  return fillTemplate(traditionalTemplate(lang, name), converted, (v) => plainText(v, 1000));
}

/** The refutation in the wanted language, else English, else whatever the entry has. */
export function refutationIn(d: Debunk, lang: Language): string {
  if (typeof d.refutation === 'string') return d.refutation;
  return d.refutation[lang] ?? d.refutation.en ?? Object.values(d.refutation)[0] ?? '';
}

export const verdictName = (lang: Language, v: Verdict) => VERDICT_NAMES[lang][v];

/**
 * The most of a claim an owner alert quotes: a sentence or two, enough to recognise the rumor
 * (the database allows MAX_CLAIM_LENGTH, 500) while the alert stays a notification.
 */
export const ALERT_CLAIM_CHARS = 120;

/**
 * A claim as owner alerts and their digests quote it: neutralized as every database text is (no
 * mentions, controls or line breaks) and cut on a code point to ALERT_CLAIM_CHARS, with "…".
 */
export const alertClaim = (claim: string): string => plainText(claim, ALERT_CLAIM_CHARS);

/** "title — url" of the first source. */
export function sourceLine(d: { sources: readonly Source[] }): string {
  const s = d.sources[0];
  return s ? `${s.title} — ${s.url}` : '';
}

/** Actions as owners read them (not the identifiers), and how a list of them is joined. */
const ACTION_NAMES: Record<Language, Record<ActionType, string> & { none: string; separator: string }> = {
  en: {
    reply_refutation: 'refutation',
    pointer: 'pointer',
    suggest_check: 'soft reply',
    warn: 'warning',
    mute: 'mute',
    delete: 'deletion',
    alert_owners: 'owner alert',
    log: 'log',
    none: 'none',
    separator: ', ',
  },
  zh: {
    reply_refutation: '辟谣回复',
    pointer: '指向辟谣',
    suggest_check: '提醒核实',
    warn: '警告',
    mute: '禁言',
    delete: '删除消息',
    alert_owners: '通知群主',
    log: '记录',
    none: '无',
    separator: '、',
  },
};

/** An action in words ("refutation", "辟谣回复"): what owners read in alerts, listings and reports. */
export const actionName = (type: ActionType, lang: Language = 'en'): string => ACTION_NAMES[lang][type];

/** "refutation, mute" / "辟谣回复、禁言": actions in words, for the owners' alert. */
export function actionList(lang: Language, types: readonly ActionType[]): string {
  const names = ACTION_NAMES[lang];
  return types.length === 0 ? names.none : types.map((t) => names[t]).join(names.separator);
}

/**
 * How long ago something happened, honestly: "just now" under a minute, else whole minutes, hours
 * or days ("3 minutes ago" / "刚刚", "3分钟前": written as durationText writes them). A pointer
 * says it of the refutation it points to.
 */
export function agoText(lang: Language, ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return lang === 'zh' ? '刚刚' : 'just now';
  const [n, unit] = minutes < 60 ? [minutes, 'minute'] : minutes < 1440 ? [Math.floor(minutes / 60), 'hour'] : [Math.floor(minutes / 1440), 'day'];
  if (lang === 'zh') return `${n}${{ minute: '分钟', hour: '小时', day: '天' }[unit]}前`;
  return `${n} ${unit}${n === 1 ? '' : 's'} ago`;
}

/** "90 min", "1 hour", "24 hours", "7 days" / "90分钟", "1小时", "24小时", "7天". */
export function durationText(lang: Language, ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const [n, unit] =
    minutes % 1440 === 0 && minutes >= 2880
      ? [minutes / 1440, 'day']
      : minutes % 60 === 0 && minutes >= 60
        ? [minutes / 60, 'hour']
        : [minutes, 'min'];
  if (lang === 'zh') return `${n}${{ day: '天', hour: '小时', min: '分钟' }[unit]}`;
  return unit === 'min' ? `${n} min` : `${n} ${unit}${n === 1 ? '' : 's'}`;
}
