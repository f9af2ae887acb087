import { describe, expect, it } from 'vitest';
import { parseButton, refutationButtons } from '../../../adapters/telegram/buttons.js';
import { debunkRef, resolveDebunkRef } from '../../../src/debunks/debunkRef.js';
import type { Debunk } from '../../../src/debunks/schema.js';

const LONG_ID = `a${'b'.repeat(79)}`;

describe('refutation buttons', () => {
  it('GIVEN a refutation THEN "Sources" and "Not a rumor?" carry the debunk and the message', () => {
    const [row] = refutationButtons('en', '5g-spreads-coronavirus', 1234);
    expect(row?.map((b) => b.text)).toEqual(['Sources', 'Not a rumor?']);
    const data = row!.map((b) => ('callback_data' in b ? b.callback_data : ''));
    expect(data.map(parseButton)).toEqual([
      { kind: 'sources', debunkRef: '5g-spreads-coronavirus' },
      { kind: 'not_a_rumor', messageId: 1234, debunkRef: '5g-spreads-coronavirus' },
    ]);
  });

  it('GIVEN the longest debunk id and message id THEN the callback data stays within Telegram\'s 64 bytes and still resolves', () => {
    const [row] = refutationButtons('zh', LONG_ID, 999_999_999_999);
    for (const b of row!) expect(Buffer.byteLength('callback_data' in b ? b.callback_data : '')).toBeLessThanOrEqual(64);
    const press = parseButton('callback_data' in row![1]! ? row![1]!.callback_data : '');
    expect(press).toMatchObject({ kind: 'not_a_rumor', messageId: 999_999_999_999 });
    const debunks = [{ id: 'other' }, { id: LONG_ID }] as Debunk[];
    const found = resolveDebunkRef(press!.debunkRef, (id) => debunks.find((d) => d.id === id), () => debunks);
    expect(found?.id).toBe(LONG_ID);
  });

  it.each(['', 'x:1', 'n:abc:id', 'n:1', 's:'])('GIVEN foreign callback data %j THEN it is not ours', (data) => {
    expect(parseButton(data)).toBeUndefined();
  });

  it('GIVEN an id that fits THEN it is used as it is', () => {
    expect(debunkRef('short', 10)).toBe('short');
    expect(debunkRef(LONG_ID, 10)).toMatch(/^#[\w-]{12}$/);
  });
});
