import { COMMAND_TEXTS } from '../../src/commands/commandTexts.js';
import type { Language } from '../../src/engine/templates.js';
import { fillTemplate } from '../../src/lib/fillTemplate.js';

/**
 * What the playground says for the `/rg` commands it runs itself (export, incidents, dashboard),
 * in both languages: a Chinese group's answers were English here (QA). The refusal is the core's
 * (`adminsOnly`), with the playground's own hint on how to become the admin.
 */
const PLAYGROUND_TEXTS = {
  en: {
    speakAsOwner: ' (speak as "{owner}" first: /as {owner})',
    noLedger: '(no ledger)',
    ledgerUnreadable: '(the ledger cannot be read: {error})',
    reportWritten: 'Management report written to {file}: {entries} ledger entries, chain {status}.',
    reportFailed: '(the report could not be written: {error})',
    useIncidents: 'Use /rg incidents [n], n a whole number from 1.',
    noIncidents: 'No incidents in the ledger yet.',
    dashboardOff: '(the dashboard is off: DASHBOARD_PORT=off)',
    dashboardLink: 'Dashboard login link (works once, for 10 minutes): {url}',
  },
  zh: {
    speakAsOwner: '（请先以“{owner}”的身份发言：/as {owner}）',
    noLedger: '（没有账本）',
    ledgerUnreadable: '（无法读取账本：{error}）',
    reportWritten: '管理报告已写入 {file}：共 {entries} 条账本记录，哈希链{status}。',
    reportFailed: '（无法写入报告：{error}）',
    useIncidents: '用法：/rg incidents [条数]，条数为从 1 开始的整数。',
    noIncidents: '账本中还没有任何事件。',
    dashboardOff: '（管理后台已关闭：DASHBOARD_PORT=off）',
    dashboardLink: '管理后台登录链接（只能使用一次，10 分钟内有效）：{url}',
  },
} as const satisfies Record<Language, Record<string, string>>;

export type PlaygroundTextName = keyof (typeof PLAYGROUND_TEXTS)['en'];

/** A playground text with its `{placeholders}` filled (plain text: the console shows no markup). */
export function playgroundText(lang: Language, name: PlaygroundTextName, values: Record<string, string | number> = {}): string {
  return fillTemplate(PLAYGROUND_TEXTS[lang][name], values);
}

/** A member's `/rg <command>` refused: only the admin may, and how to speak as them here. */
export function adminsOnly(lang: Language, command: string, owner: string): string {
  return `${fillTemplate(COMMAND_TEXTS[lang].adminsOnly, { command })}${playgroundText(lang, 'speakAsOwner', { owner })}`;
}
