const HAN = /\p{Script=Han}/gu;

/**
 * The language to answer in: the group's setting, or for `auto` the message's own language
 * (Chinese when a good part of its letters are Chinese characters, else English).
 */
export function replyLanguage(setting: 'auto' | 'en' | 'zh', text: string): 'en' | 'zh' {
  if (setting !== 'auto') return setting;
  const sample = text.slice(0, 2000);
  const han = sample.match(HAN)?.length ?? 0;
  const letters = sample.replace(/[\s\p{P}\p{S}\d]/gu, '').length;
  return letters > 0 && han / letters >= 0.3 ? 'zh' : 'en';
}

/**
 * The language to answer a person in (an admin's command, a member's button press): the group's
 * setting; with `auto`, the language their own words are in when they say something in Chinese,
 * else the language their client reports (Telegram's `language_code`, Discord's locale), else
 * English.
 */
export function answerLanguage(setting: 'auto' | 'en' | 'zh', words: string, clientLanguage: 'en' | 'zh' | undefined): 'en' | 'zh' {
  if (setting !== 'auto') return setting;
  if (replyLanguage('auto', words) === 'zh') return 'zh';
  return clientLanguage ?? 'en';
}
