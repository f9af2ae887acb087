import { describe, expect, it } from 'vitest';
import { inScript, writesTraditional } from '../../src/engine/script.js';

describe('which Chinese script a member writes', () => {
  it.each([
    { text: '5G基站傳播新冠', traditional: true },
    { text: '這個是真的嗎？', traditional: true },
    { text: '係咪真㗎', traditional: true },
    { text: '5G基站传播新冠', traditional: false },
    // 么 is simplified, though the matcher folds it as a variant: not a sign of traditional writing.
    { text: '这是什么', traditional: false },
    { text: '什么', traditional: false },
    // Only characters both scripts share: nothing tells, so not traditional.
    { text: '有人知道吗', traditional: false },
    { text: '5G towers spread the coronavirus', traditional: false },
    // Mostly simplified with one traditional character quoted: simplified.
    { text: '群里有人说"傳"这个字写错了，说是谣言', traditional: false },
  ])('"$text" is traditional: $traditional', ({ text, traditional }) => {
    expect(writesTraditional(text)).toBe(traditional);
  });

  it('converts to traditional phrase by phrase, leaving Latin text and links alone', () => {
    expect(inScript('辟谣：这条消息 https://example.org/a', true)).toBe('闢謠：這條消息 https://example.org/a');
    expect(inScript('辟谣', false)).toBe('辟谣');
  });
});
