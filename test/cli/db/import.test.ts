import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { folderSnapshot, linesOf, removeWorkspaces, runDb, workspace } from './runDb.js';

afterAll(removeWorkspaces);

function written(cwd: string, name: string): { header: string[]; entries: Record<string, unknown>[] } {
  const text = readFileSync(path.join(cwd, 'rules/debunks', name), 'utf8');
  return { header: text.split('\n').filter((line) => line.startsWith('#')), entries: parse(text) as Record<string, unknown>[] };
}

describe('rumorguard db import: writing', () => {
  it('GIVEN a good CSV THEN one YAML file with a header, ids made from claims, and the folder still validates', () => {
    const cwd = workspace();
    const run = runDb(cwd, ['import', 'feed.csv', '--format', 'csv']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe('Imported 3 debunks into rules/debunks/imported-feed.yaml\n');

    const { header, entries } = written(cwd, 'imported-feed.yaml');
    expect(header[0]).toMatch(/^# Imported by "rumorguard db import" on \d{4}-\d\d-\d\dT[\d:.]+Z$/);
    expect(header[1]).toBe('# from feed.csv (format: csv), 3 entries.');
    expect(entries.map((e) => e.id)).toEqual([
      'garlic-cure',
      'holding-your-breath-for-10-seconds-without-coughing-proves',
      expect.stringMatching(/^zh-[0-9a-f]{8}$/),
    ]);
    expect(entries[0]).toMatchObject({
      variants: ['Garlic protects you from the virus', '吃大蒜能预防感染'],
      verdict: 'false',
      sources: [{ title: 'WHO myth busters', url: 'https://www.who.int/', publisher: 'WHO', date: '2020-03-01' }],
      tags: ['health', 'covid-19'],
    });
    expect(entries[1]).toMatchObject({ refutation: { en: 'Breath-holding tests say nothing about infection.', zh: '屏气测试不能说明是否感染。' } });
    expect(entries[2]).toMatchObject({ lang: 'zh', expires: '2030-01-01', severity: 'medium' });

    expect(runDb(cwd, ['validate']).stdout).toBe('OK: 7 debunks in 3 files (1 example)\n');
  });

  it('GIVEN a JSON export without languages and --lang en THEN the entries are imported in English', () => {
    const cwd = workspace();
    const run = runDb(cwd, ['import', 'entries.json', '--format', 'json', '--lang', 'en']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe('Imported 2 debunks into rules/debunks/imported-entries.yaml\n');
    const { entries } = written(cwd, 'imported-entries.yaml');
    expect(entries.map((e) => [e.id, e.lang])).toEqual([
      ['bill-gates-pays', 'en'],
      ['hot-baths-prevent-the-new-coronavirus', 'en'],
    ]);
  });

  it('GIVEN a ClaimReview list of 3 reviews THEN each becomes an entry with mapped verdict, source and refutation', () => {
    const cwd = workspace();
    const run = runDb(cwd, ['import', 'reviews.json', '--format', 'claimreview', '--lang', 'en']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe('Imported 3 debunks into rules/debunks/imported-reviews.yaml\n');
    const { entries } = written(cwd, 'imported-reviews.yaml');
    expect(entries).toEqual([
      {
        id: 'gargling-with-salt-water-protects-you-from-the-new',
        claim: 'Gargling with salt water protects you from the new coronavirus',
        verdict: 'false',
        refutation: 'False — Gargling with salt water has no effect on infection with the virus.',
        sources: [
          {
            title: 'Salt water does not protect against the coronavirus',
            url: 'https://factcheck.example.org/2024/03/salt-water',
            publisher: 'Example Fact Check',
            date: '2024-03-05',
          },
        ],
        severity: 'medium',
        lang: 'en',
        published: '2024-03-05',
      },
      {
        id: 'bananas-from-costa-rica-carry-flesh-eating-bacteria',
        claim: 'Bananas from Costa Rica carry flesh-eating bacteria',
        verdict: 'false',
        refutation: 'Pants on Fire! — The flesh-eating banana story is a hoax that has gone round since 2000.',
        sources: [
          {
            title: 'Fact check by Example Fact Check',
            url: 'https://factcheck.example.org/2024/03/banana',
            publisher: 'Example Fact Check',
            date: '2024-03-06',
          },
        ],
        severity: 'medium',
        lang: 'en',
        published: '2024-03-06',
      },
      expect.objectContaining({ id: expect.stringMatching(/^zh-[0-9a-f]{8}$/), verdict: 'false', lang: 'zh-CN', refutation: '谣言 — 喝浓茶不能杀死新冠病毒' }),
    ]);
  });

  it('GIVEN a ClaimReview "@graph" and --out THEN only the review is imported, into that file', () => {
    const cwd = workspace();
    const run = runDb(cwd, ['import', 'graph.jsonld', '--format', 'claimreview', '--out', 'vaccines.yaml']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe('Imported 1 debunk into rules/debunks/vaccines.yaml\n');
    const { entries } = written(cwd, 'vaccines.yaml');
    expect(entries).toEqual([
      expect.objectContaining({
        id: 'vaccines-contain-microchips-to-track-people',
        verdict: 'misleading',
        refutation: 'Missing context — Vaccine vials contain no electronics; a chip could not pass through the needle.',
        sources: [expect.objectContaining({ title: 'Fact check by Example Fact Check', url: 'https://factcheck.example.org/2024/04/vaccine-chips' })],
      }),
    ]);
  });

  it('GIVEN --dry-run THEN it reports what it would write and writes nothing', () => {
    const cwd = workspace();
    const before = folderSnapshot(cwd);
    const run = runDb(cwd, ['import', 'feed.csv', '--format', 'csv', '--dry-run']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe('Dry run: would import 3 debunks into rules/debunks/imported-feed.yaml; nothing written.\n');
    expect(folderSnapshot(cwd)).toEqual(before);
  });
});

describe('rumorguard db import: refusals write nothing', () => {
  it.each([
    {
      given: 'a CSV with a bad verdict in row 1 and a bad URL in row 3',
      args: ['import', 'bad-rows.csv', '--format', 'csv'],
      then: [
        'bad-rows.csv:2 record "abc": verdict: must be one of false, misleading, unproven, outdated, satire (got "maybe")',
        'bad-rows.csv:4 record "ghi": sources[0].url: must be an http:// or https:// address',
      ],
    },
    {
      given: 'an id that the folder already has',
      args: ['import', 'duplicate.csv', '--format', 'csv'],
      then: ['duplicate.csv:3 record "five-g-towers": id: already exists in rules/debunks/health.yaml:1'],
    },
    {
      given: 'an output file that exists',
      args: ['import', 'feed.csv', '--format', 'csv', '--out', 'health.yaml'],
      then: ['rules/debunks/health.yaml: already exists; an import never overwrites a file, choose another name with --out'],
    },
    {
      given: 'a ClaimReview without inLanguage and no --lang',
      args: ['import', 'reviews.json', '--format', 'claimreview'],
      then: ['reviews.json:15 record "bananas-from-costa-rica-carry-flesh-eating-bacteria": lang: required: the input gives no language; pass --lang'],
    },
    {
      given: 'an --out outside the folder',
      args: ['import', 'feed.csv', '--format', 'csv', '--out', 'elsewhere.yaml/../../x.yaml'],
      then: ['--out elsewhere.yaml/../../x.yaml: must be a file directly inside rules/debunks, where the database is read from'],
    },
    {
      given: 'an input file that does not exist',
      args: ['import', 'missing.csv', '--format', 'csv'],
      then: ['missing.csv: cannot read file (ENOENT)'],
    },
  ])('GIVEN $given THEN exit 1, exactly these problems, and the folder is unchanged', ({ args, then }) => {
    const cwd = workspace();
    const before = folderSnapshot(cwd);
    const run = runDb(cwd, args);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(linesOf(run.stderr)).toEqual([...then, 'Nothing was imported.']);
    expect(folderSnapshot(cwd)).toEqual(before);
  });

  it('GIVEN an unknown rating word THEN the error names the value and every accepted word', () => {
    const cwd = workspace();
    const before = folderSnapshot(cwd);
    const run = runDb(cwd, ['import', 'unknown-rating.json', '--format', 'claimreview']);
    expect(run.status).toBe(1);
    const [problem] = linesOf(run.stderr);
    expect(problem).toMatch(/^unknown-rating\.json:9 record "drinking-water-helps-you-stay-healthy": verdict: unknown rating "Mostly True" in reviewRating\.alternateName; accepted: /);
    for (const word of ['pants on fire', '谣言', 'missing context', '未经证实', 'outdated', 'satire']) expect(problem).toContain(word);
    expect(folderSnapshot(cwd)).toEqual(before);
  });

  it('GIVEN a broken database folder THEN it refuses to import until the folder is fixed', () => {
    const cwd = workspace('broken-folder');
    const before = folderSnapshot(cwd);
    const run = runDb(cwd, ['import', 'feed.csv', '--format', 'csv']);
    expect(run.status).toBe(1);
    expect(linesOf(run.stderr)).toEqual([
      'rules/debunks: the database folder does not load; fix it first (rumorguard db validate):',
      '  rules/debunks/health.yaml:7 entry "five-g-towers": sources[0].url: must be an http:// or https:// address',
      'Nothing was imported.',
    ]);
    expect(folderSnapshot(cwd)).toEqual(before);
  });

  it('GIVEN the same feed imported twice THEN the second import is refused: the made-up ids are stable', () => {
    const cwd = workspace();
    expect(runDb(cwd, ['import', 'feed.csv', '--format', 'csv']).status).toBe(0);
    const run = runDb(cwd, ['import', 'feed.csv', '--format', 'csv', '--out', 'again.yaml']);
    expect(run.status).toBe(1);
    expect(linesOf(run.stderr)).toEqual([
      'feed.csv:2 record "garlic-cure": id: already exists in rules/debunks/imported-feed.yaml:4',
      'feed.csv:3 record "holding-your-breath-for-10-seconds-without-coughing-proves": id: already exists in rules/debunks/imported-feed.yaml:22',
      expect.stringMatching(/^feed\.csv:4 record "zh-[0-9a-f]{8}": id: already exists in rules\/debunks\/imported-feed\.yaml:\d+$/),
      'Nothing was imported.',
    ]);
  });
});
