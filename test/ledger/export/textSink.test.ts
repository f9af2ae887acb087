import { describe, expect, it } from 'vitest';
import { screenCollector } from '../../../src/ledger/export/textSink.js';

describe('screenCollector', () => {
  it('GIVEN less text than the cap THEN all of it is kept and nothing is cut', async () => {
    const c = screenCollector(100);
    for (const chunk of ['# Report\n', 'line one\n', 'line two\n']) await c.sink(chunk);
    expect(c.text()).toBe('# Report\nline one\nline two\n');
    expect(c.cut()).toBe(false);
    expect(c.totalChars()).toBe(27);
  });

  it('GIVEN more text than the cap THEN whole lines up to the cap are kept, and the rest only counted', async () => {
    const c = screenCollector(20);
    const chunks = ['# Report\n', 'line one\nline two\n', 'line three\n', 'x'.repeat(1000)];
    for (const chunk of chunks) await c.sink(chunk);
    expect(c.text()).toBe('# Report\nline one\n');
    expect(c.cut()).toBe(true);
    expect(c.totalChars()).toBe(chunks.join('').length);
  });
});
