import { open, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { Spill } from '../../src/ledger/export/spill.js';
import { textCollector } from '../../src/ledger/export/textSink.js';

const spillDirs = async () => (await readdir(tmpdir())).filter((name) => name.startsWith('rumorguard-export-')).sort();

describe('Spill (what an export keeps aside until the end of its pass)', () => {
  it('GIVEN more text than it keeps in memory, with characters of every width THEN it drains the same text in order and removes its file', async () => {
    const before = await spillDirs();
    const spill = new Spill(100);
    const parts = Array.from({ length: 500 }, (_, i) => `row ${i} é 中文 😀 | ${'x'.repeat(i % 7)}\n`);
    for (const part of parts) await spill.add(part);
    expect((await spillDirs()).length).toBe(before.length + 1);
    const out = textCollector();
    await spill.drainTo(out.sink);
    expect(out.text()).toBe(parts.join(''));
    expect(await spillDirs()).toEqual(before);
  });

  it('GIVEN a sink that takes bytes (a file, a stream) THEN the file goes on as UTF-8 bytes, undecoded, the same as the text encoded', async () => {
    const spill = new Spill(100);
    const parts = Array.from({ length: 500 }, (_, i) => `row ${i} é 中文 😀 | ${'x'.repeat(i % 7)}\n`);
    for (const part of parts) await spill.add(part);
    const texts: string[] = [];
    const bytes: Uint8Array[] = [];
    const sink = Object.assign(async (chunk: string) => void texts.push(chunk), { bytes: async (chunk: Uint8Array) => void bytes.push(chunk) });
    await spill.drainTo(sink);
    expect(texts).toEqual([]);
    expect(Buffer.concat(bytes).equals(Buffer.from(parts.join(''), 'utf8'))).toBe(true);
  });

  it('GIVEN the text kept in memory moves to the file THEN it is written in writes of at most a buffer, never joined into one string', async () => {
    // A FileHandle's prototype, to see what the spill writes (one 8 MB string held up the event loop).
    const probe = path.join(tmpdir(), `rumorguard-spill-probe-${process.pid}`);
    const handle = await open(probe, 'w');
    const proto = Object.getPrototypeOf(handle) as { write: (this: unknown, chunk: string | Uint8Array) => Promise<unknown> };
    await handle.close();
    await rm(probe, { force: true });
    // Each write's bytes as they were when written: the spill fills its buffers again afterwards.
    const original = proto.write;
    const written: Buffer[] = [];
    const write = vi.spyOn(proto, 'write').mockImplementation(function (this: unknown, chunk: string | Uint8Array) {
      written.push(Buffer.from(chunk));
      return original.call(this, chunk);
    });
    try {
      const spill = new Spill(1000, 256);
      const parts = Array.from({ length: 300 }, (_, i) => `row ${i} é ${'x'.repeat(20)}\n`);
      for (const part of parts) await spill.add(part);
      const out = textCollector();
      await spill.drainTo(out.sink);
      expect(Buffer.concat(written).toString('utf8')).toBe(parts.join(''));
      expect(Math.max(...written.map((w) => w.byteLength))).toBeLessThanOrEqual(256);
      expect(out.text()).toBe(parts.join(''));
    } finally {
      write.mockRestore();
    }
  });

  it('GIVEN text added as pieces (rows), some longer than a buffer, with lone surrogates THEN it drains as the pieces joined, in memory and from the file, as a string write would encode them', async () => {
    const pieces = (i: number) => [`row ${i} 中文 😀\n`, i % 50 === 0 ? `${'y'.repeat(300)}\n` : '', `lone \ud800 ${i}\n`, ''];
    const all = Array.from({ length: 200 }, (_, i) => pieces(i));
    for (const inMemory of [1_000_000, 500]) {
      const spill = new Spill(inMemory, 64);
      for (const rows of all) await spill.add(rows);
      const texts = textCollector();
      const bytes: Uint8Array[] = [];
      const sink = Object.assign(texts.sink, { bytes: async (chunk: Uint8Array) => void bytes.push(chunk) });
      await spill.drainTo(sink);
      const expected = all.flat().join('');
      const got = Buffer.concat([Buffer.from(texts.text(), 'utf8'), ...bytes]);
      expect(got.equals(Buffer.from(expected, 'utf8'))).toBe(true);
    }
  });

  it('GIVEN a sink done with its bytes once written (a file) THEN the file goes on read into one buffer again and again, the same bytes', async () => {
    const spill = new Spill(100);
    const parts = Array.from({ length: 60_000 }, (_, i) => `row ${i} é 中文 😀 | ${'x'.repeat(i % 7)}\n`);
    for (let i = 0; i < parts.length; i += 1000) await spill.add(parts.slice(i, i + 1000));
    const copies: Buffer[] = [];
    const given = new Set<ArrayBufferLike>();
    const sink = Object.assign(async () => undefined, {
      bytes: async (chunk: Uint8Array) => {
        given.add(chunk.buffer);
        copies.push(Buffer.from(chunk));
      },
      bytesDone: true as const,
    });
    await spill.drainTo(sink);
    expect(copies.length).toBeGreaterThan(1);
    expect(given.size).toBe(1);
    expect(Buffer.concat(copies).equals(Buffer.from(parts.join(''), 'utf8'))).toBe(true);
  });

  it('GIVEN a little text THEN it stays in memory and drains as it was added', async () => {
    const before = await spillDirs();
    const spill = new Spill();
    await spill.add('a');
    await spill.add('');
    await spill.add('b');
    expect(await spillDirs()).toEqual(before);
    const chunks: string[] = [];
    await spill.drainTo(async (chunk) => void chunks.push(chunk));
    expect(chunks).toEqual(['a', 'b']);
  });

  it('GIVEN a spill that is discarded THEN its file is gone and nothing is drained', async () => {
    const before = await spillDirs();
    const spill = new Spill(10);
    for (let i = 0; i < 20; i++) await spill.add('0123456789');
    await spill.discard();
    expect(await spillDirs()).toEqual(before);
    const out = textCollector();
    await spill.drainTo(out.sink);
    expect(out.text()).toBe('');
  });
});
