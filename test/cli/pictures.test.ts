import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from './runCli.js';

const IMAGES = path.join(REPO_ROOT, 'test/fixtures/images');
const tmp = mkdtempSync(path.join(tmpdir(), 'rumorguard-pictures-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// The compiled bin in a child process, with the real OCR: one picture per command.
describe('rumorguard check --image and scan of a Telegram Desktop export', () => {
  it('GIVEN a Chinese screenshot THEN check reads it and matches the rumor; a missing file is one line and exit 1', () => {
    const run = runCli(['check', '--image', path.join(IMAGES, 'rumor-zh.jpg'), '--json']);
    expect(run.status, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as { matches: { debunkId: string }[]; image: { sha256: string; text: string } };
    expect(out.matches[0]?.debunkId).toBe('mosquitoes-spread-coronavirus');
    expect(out.image.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(out.image.text).toMatch(/蚊子叮咬/);

    const missing = runCli(['check', '--image', path.join(tmp, 'nothing.png')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr.trim()).toBe(`error: ${path.join(tmp, 'nothing.png')}: no such file`);
  }, 120_000);

  it('GIVEN an export whose photos folder holds a rumor screenshot THEN scan reads the photo; photos not exported are passed over', () => {
    const folder = path.join(tmp, 'ChatExport');
    mkdirSync(path.join(folder, 'photos'), { recursive: true });
    copyFileSync(path.join(IMAGES, 'rumor-en.png'), path.join(folder, 'photos', 'photo_1@01-03-2026_10-00-00.jpg'));
    const message = (id: number, fields: object) => ({ id, type: 'message', date: '2026-03-01T10:00:00', date_unixtime: String(1772359200 + id * 60), from: 'Alice', from_id: 'user42', text: '', ...fields });
    writeFileSync(
      path.join(folder, 'result.json'),
      JSON.stringify({
        name: 'Town news',
        type: 'private_supergroup',
        id: 1000000001,
        messages: [
          message(1, { text: 'morning all' }),
          message(2, { photo: 'photos/photo_1@01-03-2026_10-00-00.jpg', width: 560, height: 220 }),
          message(3, { photo: '(File not included. Change data exporting settings to download.)' }),
        ],
      }),
    );
    const run = runCli(['scan', path.join(folder, 'result.json'), '--json']);
    expect(run.status, run.stderr).toBe(0);
    const summary = JSON.parse(run.stdout) as { messages: number; rumors: { debunkId: string; messages: number }[] };
    expect(summary.messages).toBe(2);
    expect(JSON.stringify(summary)).toContain('5g-spreads-coronavirus');

    const without = JSON.parse(runCli(['scan', path.join(folder, 'result.json'), '--json', '--no-images']).stdout) as { messages: number };
    expect(without.messages).toBe(1);
  }, 120_000);
});
