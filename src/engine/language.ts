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
