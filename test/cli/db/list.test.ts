import { afterAll, describe, expect, it } from 'vitest';
import type { Debunk } from '../../../src/debunks/schema.js';
import { linesOf, removeWorkspaces, runDb, workspace } from './runDb.js';

afterAll(removeWorkspaces);

describe('rumorguard db list', () => {
  it('GIVEN no flags THEN a table with a header, one row per entry, expired marked and long claims cut', () => {
    const run = runDb(workspace(), ['list']);
    expect(run.status, run.stderr).toBe(0);
    const lines = linesOf(run.stdout);
    expect(lines[0]).toMatch(/^ID\s+VERDICT\s+SEVERITY\s+LANG\s+TAGS\s+STATUS\s+CLAIM$/);
    expect(lines.slice(1, 5).map((line) => line.split(/\s+/)[0])).toEqual([
      'whatsapp-charging',
      'five-g-towers',
      'hot-water-kills-virus',
      'lockdown-extended-april',
    ]);
    expect(lines[2]).toMatch(/^five-g-towers\s+false\s+high\s+en\s+health,covid-19\s+active\s+5G towers spread the coronavirus$/);
    expect(lines[4]).toMatch(/^lockdown-extended-april\s+outdated\s+low\s+zh\s+shanghai\s+expired\s+上海封控将延长到四月底$/);
    expect(lines[1]).toContain('WhatsApp will start charging unless you forward this messag…');
    expect(lines[5]).toBe('4 debunks, 1 expired');
  });

  it('GIVEN --json THEN stdout is one JSON array of the full entries', () => {
    const run = runDb(workspace(), ['list', '--json']);
    expect(run.status, run.stderr).toBe(0);
    const entries = JSON.parse(run.stdout) as Debunk[];
    expect(entries.map((d) => d.id)).toEqual(['whatsapp-charging', 'five-g-towers', 'hot-water-kills-virus', 'lockdown-extended-april']);
    expect(entries[1]).toMatchObject({
      variants: ['5G基站传播新冠病毒'],
      refutation: { en: 'Viruses cannot travel on radio waves or mobile networks.' },
      sources: [{ title: 'WHO myth busters', url: 'https://www.who.int/', publisher: 'WHO', date: '2020-04-01' }],
    });
  });

  it.each([
    { given: '--tag health --lang zh', args: ['--tag', 'health', '--lang', 'zh'], then: ['hot-water-kills-virus'] },
    { given: '--tag HEALTH (any case)', args: ['--tag', 'HEALTH'], then: ['five-g-towers', 'hot-water-kills-virus'] },
    { given: '--lang en', args: ['--lang', 'en'], then: ['whatsapp-charging', 'five-g-towers'] },
    { given: 'a tag nobody uses', args: ['--tag', 'sports'], then: [] },
  ])('GIVEN $given --json THEN only $then', ({ args, then }) => {
    const run = runDb(workspace(), ['list', ...args, '--json']);
    expect(run.status, run.stderr).toBe(0);
    expect((JSON.parse(run.stdout) as Debunk[]).map((d) => d.id)).toEqual(then);
  });

  it('GIVEN a filter that matches nothing, without --json THEN it says so and exits 0', () => {
    const run = runDb(workspace(), ['list', '--tag', 'sports']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe('No debunks match.\n');
  });

  it('GIVEN a broken folder THEN the problems go to stderr and it exits 1', () => {
    const run = runDb(workspace('broken-folder'), ['list']);
    expect(run.status).toBe(1);
    expect(linesOf(run.stderr)).toEqual(['rules/debunks/health.yaml:7 entry "five-g-towers": sources[0].url: must be an http:// or https:// address']);
  });

  it.each([
    { given: 'the folder as an argument', args: ['list', 'rules/debunks', '--json'], then: ['whatsapp-charging', 'five-g-towers', 'hot-water-kills-virus', 'lockdown-extended-april'] },
    { given: 'one file as an argument', args: ['list', 'rules/debunks/chain-letters.json', '--json'], then: ['whatsapp-charging'] },
  ])('GIVEN $given THEN its entries', ({ args, then }) => {
    const run = runDb(workspace(), args, { DEBUNKS_DIR: 'elsewhere' });
    expect(run.status, run.stderr).toBe(0);
    expect((JSON.parse(run.stdout) as Debunk[]).map((d) => d.id)).toEqual(then);
  });

  it('GIVEN the argument and --dir naming different folders THEN one line saying so, exit 1', () => {
    const run = runDb(workspace(), ['list', 'rules', '--dir', 'rules/debunks']);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('error: "rules" and --dir "rules/debunks" name different places: give one of them\n');
  });
});
