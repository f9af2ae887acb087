import { describe, expect, it } from 'vitest';
import { runCli } from '../runCli.js';

const FIXTURES = 'test/fixtures/chatlogs';

function scan(...args: string[]) {
  return runCli(['scan', ...args]);
}

function scanJson(...args: string[]) {
  const run = scan(...args, '--json');
  expect(run.status, run.stderr).toBe(0);
  expect(run.stdout.trim().split('\n')).toHaveLength(1);
  return { summary: JSON.parse(run.stdout) as unknown, stderr: run.stderr };
}

/** Lines the scan wrote about the fixture. */
const problemLines = (stderr: string, file: string) => stderr.split('\n').filter((l) => l.startsWith(`${FIXTURES}/${file}:`));

// The expected numbers follow from rules/default.yaml: ladder step 1 [reply_refutation], step 2
// [reply_refutation, warn], step 3 [reply_refutation, alert_owners, mute 1h], then [alert_owners,
// mute 24h]; strikes decay after 30 days; a repeat within 10 minutes gets a pointer; admins are
// exempt; a refuting message is logged but never punished.
describe('rumorguard scan', () => {
  it('GIVEN the plain text log THEN alice climbs three ladder steps and the refuting carol is not punished', () => {
    // alice: 5G (line 3), Bill Gates (6), hot water (9) → 3 strikes, mute 1h at the third;
    // carol calls 5G a hoax (4); bob repeats one chain letter (8): one strike, a reply only.
    const { summary } = scanJson(`${FIXTURES}/group-chat.txt`);
    expect(summary).toEqual({
      messages: 9,
      skipped: 0,
      matches: {
        '5g-spreads-coronavirus': 2,
        'bill-gates-pays-for-forwarding': 1,
        'hot-water-every-15-minutes': 1,
        'whatsapp-will-start-charging': 1,
      },
      members: [{ group: 'scan', id: 'alice', name: 'alice', strikes: 3, actions: ['reply_refutation', 'warn', 'alert_owners', 'mute 1h'] }],
      problems: [],
    });
  });

  it('GIVEN the plain text log without --json THEN the tables name debunks, members and the highest action', () => {
    const run = scan(`${FIXTURES}/group-chat.txt`);
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe(`${FIXTURES}/group-chat.txt: 9 messages read, 0 lines skipped`);
    expect(lines).toContain('  5g-spreads-coronavirus                 2         1  alice, carol');
    expect(lines).toContain('  member  strikes  highest action  all actions');
    expect(lines).toContain('  alice         3  mute 1h         reply_refutation, warn, alert_owners, mute 1h');
    // No progress bar when stderr is not a terminal.
    expect(run.stderr).not.toContain('scanning');
  });

  it('GIVEN the JSONL log THEN broken lines are reported by number, groups and decay are kept apart', () => {
    // Erin in g1: garlic (line 1) and 5G (3) → strike 2 with a warning; 45 days later the
    // strikes have decayed, mosquitoes (8) is strike 1 again, its edit (10, same id) does not count.
    // Frank (2) and the admin Hank (9) repeat within 10 minutes: pointers. Erin in g2 (7): strike 1.
    const { summary, stderr } = scanJson(`${FIXTURES}/group-chat.jsonl`);
    expect(summary).toEqual({
      messages: 7,
      skipped: 3,
      matches: {
        'mosquitoes-spread-coronavirus': 3,
        'garlic-prevents-infection': 2,
        '5g-spreads-coronavirus': 1,
        'whatsapp-will-start-charging': 1,
      },
      members: [{ group: 'g1', id: 'u1', name: 'Erin', strikes: 3, actions: ['reply_refutation', 'warn'] }],
      problems: [
        { line: 4, message: expect.stringMatching(/^not JSON: /) },
        { line: 5, message: 'text: the message has no text' },
        { line: 11, message: 'expected an object such as {"text": "…", "member": "…"}' },
      ],
    });
    expect(problemLines(stderr, 'group-chat.jsonl').map((l) => l.split(': ')[0])).toEqual([
      `${FIXTURES}/group-chat.jsonl:4`,
      `${FIXTURES}/group-chat.jsonl:5`,
      `${FIXTURES}/group-chat.jsonl:11`,
    ]);
  });

  it('GIVEN the Telegram Desktop export THEN Ivan reaches the last ladder step, Julia refutes, Kate gets a reply', () => {
    // Ivan: 5G (8:05), Bill Gates (9:30, edited), hot water (10:00, forwarded), WhatsApp (11:00)
    // → 4 strikes: reply, warn, mute 1h, mute 24h. Julia's "not true … WHO" refutes 5G; Kate
    // repeats 5G at 11:20, long after the first reply: one strike, a reply. Service messages
    // and the photo without caption are left out; message 13 has a number as text.
    const { summary, stderr } = scanJson(`${FIXTURES}/telegram-export.json`);
    expect(summary).toEqual({
      messages: 9,
      skipped: 1,
      matches: {
        '5g-spreads-coronavirus': 3,
        'bill-gates-pays-for-forwarding': 1,
        'hot-water-every-15-minutes': 1,
        'whatsapp-will-start-charging': 1,
      },
      members: [
        {
          group: '1876543210',
          id: '111',
          name: 'Ivan Petrov',
          strikes: 4,
          actions: ['reply_refutation', 'warn', 'alert_owners', 'mute 1h', 'mute 1d'],
        },
      ],
      problems: [{ line: 276, message: 'text: expected text or a list (got 42)' }],
    });
    expect(problemLines(stderr, 'telegram-export.json')).toEqual([
      // The fixture has no photos folder: the photo's text cannot be read, and scan says so.
      `${FIXTURES}/telegram-export.json:89: picture photos/photo_1@02-05-2024_08-06-00.jpg not read: not in the export folder`,
      `${FIXTURES}/telegram-export.json:276: text: expected text or a list (got 42)`,
    ]);
  });

  it('GIVEN an empty file THEN nothing is read, nothing skipped, and it exits 0', () => {
    expect(scanJson(`${FIXTURES}/empty.txt`).summary).toEqual({ messages: 0, skipped: 0, matches: {}, members: [], problems: [] });
  });

  it('GIVEN a missing file THEN it says so on stderr, prints no summary and exits 1', () => {
    const run = scan(`${FIXTURES}/missing.txt`, '--json');
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`${FIXTURES}/missing.txt: file not found\n`);
  });

  it('GIVEN a text log read as --format telegram THEN reading stops at line 1 and it exits 1', () => {
    const run = scan(`${FIXTURES}/group-chat.txt`, '--format', 'telegram', '--json');
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ messages: 0, skipped: 1, problems: [{ line: 1 }] });
    expect(problemLines(run.stderr, 'group-chat.txt')).toEqual([
      expect.stringMatching(/^test\/fixtures\/chatlogs\/group-chat\.txt:1: not JSON: .*not a Telegram Desktop export/),
    ]);
  });
});
