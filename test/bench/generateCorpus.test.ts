import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../src/bench/generateCorpus.js';
import { DebunkSchema } from '../../src/debunks/schema.js';

describe('generateCorpus', () => {
  it('GIVEN the same seed THEN it produces identical debunks and messages', () => {
    const a = generateCorpus({ claims: 300, messages: 300, seed: 7 });
    const b = generateCorpus({ claims: 300, messages: 300, seed: 7 });
    expect(b).toEqual(a);
  });

  it('GIVEN another seed THEN the corpus differs', () => {
    const a = generateCorpus({ claims: 50, messages: 50, seed: 7 });
    const b = generateCorpus({ claims: 50, messages: 50, seed: 8 });
    expect(b.debunks.map((d) => d.claim)).not.toEqual(a.debunks.map((d) => d.claim));
  });

  it('GIVEN a different message count THEN the debunks stay the same', () => {
    const a = generateCorpus({ claims: 100, messages: 10, seed: 3 });
    const b = generateCorpus({ claims: 100, messages: 500, seed: 3 });
    expect(b.debunks).toEqual(a.debunks);
  });

  const { debunks, messages } = generateCorpus({ claims: 2_000, messages: 3_000, seed: 11 });

  it('THEN every debunk passes the schema unchanged', () => {
    for (const d of debunks) {
      const parsed = DebunkSchema.safeParse(d);
      expect(parsed.success, `${d.id}: ${parsed.error?.message}`).toBe(true);
      expect(parsed.data).toEqual(d);
    }
  });

  it('THEN ids and claims are unique, and variants differ from their claim', () => {
    expect(new Set(debunks.map((d) => d.id)).size).toBe(debunks.length);
    expect(new Set(debunks.map((d) => d.claim)).size).toBe(debunks.length);
    for (const d of debunks) {
      expect(d.variants.length).toBeLessThanOrEqual(2);
      expect(d.variants).not.toContain(d.claim);
    }
  });

  it('THEN about half the claims are Chinese, within the length limits', () => {
    const zh = debunks.filter((d) => d.lang === 'zh');
    const en = debunks.filter((d) => d.lang === 'en');
    expect(zh.length / debunks.length).toBeGreaterThan(0.4);
    expect(zh.length / debunks.length).toBeLessThan(0.6);
    for (const d of zh) expect([...d.claim].length).toBeGreaterThanOrEqual(10);
    for (const d of zh) expect([...d.claim].length).toBeLessThanOrEqual(30);
    for (const d of en) expect(d.claim.split(/\s+/).length).toBeGreaterThanOrEqual(8);
    for (const d of en) expect(d.claim.split(/\s+/).length).toBeLessThanOrEqual(20);
  });

  it('THEN the messages mix rumors (plain and obfuscated) with ordinary chat of all lengths', () => {
    const rumors = messages.filter((m) => m.expectedId !== null);
    const ordinary = messages.filter((m) => m.expectedId === null);
    expect(rumors.length / messages.length).toBeGreaterThan(0.3);
    expect(rumors.length / messages.length).toBeLessThan(0.5);

    const plain = rumors.filter((m) => m.obfuscations.length === 0);
    const obfuscated = rumors.filter((m) => m.obfuscations.length > 0);
    expect(plain.length).toBeGreaterThan(0);
    expect(obfuscated.length).toBeGreaterThan(0);
    const techniques = new Set(obfuscated.flatMap((m) => m.obfuscations));
    expect([...techniques].sort()).toEqual(
      ['fullwidth', 'homoglyph', 'randomCase', 'separated', 'stretched', 'traditional', 'zeroWidth'],
    );

    expect(ordinary.some((m) => m.text.length <= 4)).toBe(true);
    expect(ordinary.some((m) => /^https:\/\/\S+$/.test(m.text))).toBe(true);
    expect(ordinary.some((m) => m.text.length > 1_000)).toBe(true);
    expect(Math.max(...messages.map((m) => m.text.length))).toBeLessThanOrEqual(1_600);
  });

  it('THEN a plain rumor message contains its claim or a variant verbatim', () => {
    const byId = new Map(debunks.map((d) => [d.id, d]));
    for (const m of messages.filter((x) => x.expectedId !== null && x.obfuscations.length === 0)) {
      const d = byId.get(m.expectedId as string);
      expect(d).toBeDefined();
      expect([d!.claim, ...d!.variants].some((phrase) => m.text.includes(phrase))).toBe(true);
    }
  });
});
