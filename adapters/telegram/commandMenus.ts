import type { Telegram } from 'telegraf';
import type { BotCommand, BotCommandScope } from 'telegraf/types';

type Lang = 'en' | 'zh';

/** The command menu of each audience, in both languages. */
const MENUS: readonly { scope: BotCommandScope; commands: Record<Lang, BotCommand[]> }[] = [
  {
    scope: { type: 'all_private_chats' },
    commands: {
      en: [
        { command: 'check', description: 'Check a text against known rumors' },
        { command: 'start', description: 'What RumorGuard does' },
        { command: 'rg', description: 'Link owner alerts: /rg alerts <code>' },
      ],
      zh: [
        { command: 'check', description: '查证一段文字是否为已知谣言' },
        { command: 'start', description: 'RumorGuard 能做什么' },
        { command: 'rg', description: '绑定群主提醒：/rg alerts <代码>' },
      ],
    },
  },
  {
    scope: { type: 'all_group_chats' },
    commands: {
      en: [
        { command: 'report', description: 'Reply to a message to report it as a rumor' },
        { command: 'check', description: 'Check a text against known rumors' },
      ],
      zh: [
        { command: 'report', description: '回复一条消息以举报谣言' },
        { command: 'check', description: '查证一段文字是否为已知谣言' },
      ],
    },
  },
  {
    scope: { type: 'all_chat_administrators' },
    commands: {
      en: [
        { command: 'rg', description: 'RumorGuard settings: /rg help' },
        { command: 'report', description: 'Reply to a message to report it as a rumor' },
        { command: 'check', description: 'Check a text against known rumors' },
      ],
      zh: [
        { command: 'rg', description: 'RumorGuard 设置：/rg help' },
        { command: 'report', description: '回复一条消息以举报谣言' },
        { command: 'check', description: '查证一段文字是否为已知谣言' },
      ],
    },
  },
];

/**
 * Registers the menus with setMyCommands: English as the default for every language, Chinese for
 * users whose Telegram is set to Chinese.
 */
export async function registerCommandMenus(telegram: Telegram): Promise<number> {
  let calls = 0;
  for (const { scope, commands } of MENUS) {
    await telegram.setMyCommands(commands.en, { scope });
    await telegram.setMyCommands(commands.zh, { scope, language_code: 'zh' });
    calls += 2;
  }
  return calls;
}

export const COMMAND_MENUS = MENUS;
