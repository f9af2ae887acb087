import {
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandOption,
  type APIEmbed,
  ApplicationCommandOptionType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { Language } from '../../src/engine/templates.js';
import { EMBED_LIMITS, fitEmbeds } from './embedLimits.js';
import { escapeDiscordMarkdown } from './markdown.js';
import { text } from './texts.js';

/** What an option without choices takes, in the help's language. */
const PLACEHOLDERS = {
  en: { text: 'text', member: 'member', channel: 'channel', number: 'number', from: 'from' },
  zh: { text: '文字', member: '成员', channel: '频道', number: '数字', from: '起' },
} as const satisfies Record<Language, Record<string, string>>;

/** A text of the definitions in `lang`: its zh-CN localization in Chinese, where it has one. */
const localized = (lang: Language, text: string, localizations: Partial<Record<string, string | null>> | null | undefined): string =>
  (lang === 'zh' ? localizations?.['zh-CN'] : undefined) ?? text;

/** What an option takes: its choices (as members pick them), a range, or what kind of value. */
function valueOf(option: APIApplicationCommandBasicOption, lang: Language): string {
  const p = PLACEHOLDERS[lang];
  if ('choices' in option && option.choices && option.choices.length > 0) return option.choices.map((c) => localized(lang, c.name, c.name_localizations)).join('|');
  switch (option.type) {
    case ApplicationCommandOptionType.Integer:
    case ApplicationCommandOptionType.Number: {
      const { min_value: min, max_value: max } = option;
      if (min !== undefined && max !== undefined) return `<${min}-${max}>`;
      return min !== undefined ? `<${p.number} ≥ ${min}>` : `<${p.number}>`;
    }
    case ApplicationCommandOptionType.Boolean:
      return 'true|false';
    case ApplicationCommandOptionType.User:
      return `<${p.member}>`;
    case ApplicationCommandOptionType.Channel:
      return `<#${p.channel}>`;
    default:
      return `<${p.text}>`;
  }
}

/** `name:value`, in brackets when it may be left out. */
function optionForm(option: APIApplicationCommandBasicOption, lang: Language): string {
  const form = `${option.name}:${valueOf(option, lang)}`;
  return option.required ? form : `[${form}]`;
}

const isBasic = (o: APIApplicationCommandOption): o is APIApplicationCommandBasicOption =>
  o.type !== ApplicationCommandOptionType.Subcommand && o.type !== ApplicationCommandOptionType.SubcommandGroup;

/** One line: the form to type (as code, so `|`, `<` and `_` show as written) and what it does. */
function helpLine(path: string, optionForms: readonly string[], description: string): string {
  return `\`${[path, ...optionForms].join(' ')}\` ${escapeDiscordMarkdown(description)}`;
}

/**
 * The help of slash commands, built from their definitions as registered with Discord: each
 * subcommand (or command without subcommands) with its options and description, in `lang` as the
 * definitions localize it. Made from what Discord offers, it cannot list a form Discord has not
 * (`/rg accept … | …`) nor leave out one it has, as the Telegram help did with "/rg" rewritten (QA).
 */
export function slashHelp(commands: readonly RESTPostAPIChatInputApplicationCommandsJSONBody[], lang: Language): string[] {
  return commands.flatMap((command) => {
    const subcommands = (command.options ?? []).filter((o) => o.type === ApplicationCommandOptionType.Subcommand);
    if (subcommands.length === 0) {
      const options = (command.options ?? []).filter(isBasic).map((o) => optionForm(o, lang));
      return [helpLine(`/${command.name}`, options, localized(lang, command.description, command.description_localizations))];
    }
    return subcommands.map((sub) =>
      helpLine(
        `/${command.name} ${sub.name}`,
        (sub.options ?? []).map((o) => optionForm(o, lang)),
        localized(lang, sub.description, sub.description_localizations),
      ),
    );
  });
}

/**
 * The help as embeds: its lines (with every option, over a message's 2,000 characters in
 * English) in descriptions of up to 4,096 characters each, whole lines only, within the 6,000 of
 * one message's embeds.
 */
export function slashHelpEmbeds(commands: readonly RESTPostAPIChatInputApplicationCommandsJSONBody[], lang: Language): APIEmbed[] {
  const descriptions: string[] = [];
  let current = '';
  for (const line of slashHelp(commands, lang)) {
    const joined = current ? `${current}\n${line}` : line;
    if (current && joined.length > EMBED_LIMITS.description) {
      descriptions.push(current);
      current = line;
    } else {
      current = joined;
    }
  }
  if (current) descriptions.push(current);
  return fitEmbeds(descriptions.map((description, i) => ({ ...(i === 0 ? { title: text(lang, 'helpTitle') } : {}), description })));
}
