import { describe, expect, it } from 'vitest';
import { ownBytes, utf8Bytes } from '../../../src/ledger/export/handOver.js';

describe('utf8Bytes', () => {
  it.each([
    ['ascii', 'seq,at,type\n1,2026-03-01,incident\n'],
    ['accents and CJK', 'Mémé a dit: 信阳封城？瞎传的吧'],
    ['astral characters', 'clown 🤡 facepalm 🤦‍♀️'],
    ['lone surrogates', 'a\ud800b\udc00c\ud83d'],
    ['empty', ''],
  ])('GIVEN text with %s THEN the bytes are those TextEncoder.encode gives, in a buffer of their own', (_, text) => {
    const bytes = utf8Bytes(text);
    expect([...bytes]).toEqual([...new TextEncoder().encode(text)]);
    expect(bytes.byteOffset).toBe(0);
    expect(bytes.buffer.byteLength).toBe(bytes.byteLength);
  });
});

describe('ownBytes', () => {
  it('GIVEN bytes that are the whole of their buffer THEN they are handed over as they are', () => {
    const whole = new Uint8Array([1, 2, 3]);
    expect(ownBytes(whole)).toBe(whole);
  });

  it('GIVEN a piece of a larger buffer (a pooled Buffer) THEN a copy of just that piece, in a buffer of its own', () => {
    const pooled = Buffer.from('piece');
    expect(pooled.buffer.byteLength).toBeGreaterThan(pooled.byteLength);
    const own = ownBytes(pooled);
    expect(own).not.toBe(pooled);
    expect(Buffer.from(own).toString()).toBe('piece');
    expect(own.buffer.byteLength).toBe(5);
  });

  it('GIVEN bytes in shared memory THEN a copy (shared memory cannot be handed over)', () => {
    const shared = new Uint8Array(new SharedArrayBuffer(4));
    shared.set([9, 8, 7, 6]);
    const own = ownBytes(shared);
    expect(own.buffer).not.toBeInstanceOf(SharedArrayBuffer);
    expect([...own]).toEqual([9, 8, 7, 6]);
  });
});
