import { describe, expect, it, vi } from 'vitest';
import type { ChatlogEntry } from '../../../src/chatlog/chatlogEntry.js';
import { jsonlLine } from '../../../src/chatlog/readJsonlLog.js';
import type { Decision } from '../../../src/engine/decision.js';
import { loadEngine } from '../../../src/cli/loadEngine.js';
import { runScan, type ScanClock } from '../../../src/cli/scan/runScan.js';

const MIN = 60_000;
const T0 = Date.UTC(2024, 2, 1, 9);

/** JSONL lines as entries, so each test reads like a chat. */
async function* entries(lines: object[]): AsyncGenerator<ChatlogEntry> {
  for (const [i, line] of lines.entries()) yield jsonlLine(JSON.stringify(line), i + 1);
}

async function scanned(lines: object[]) {
  const clock: ScanClock = { now: Date.now() };
  const engine = await loadEngine({}, { now: () => clock.now });
  if (!engine) throw new Error('the default rules or debunks did not load');
  const decisions: Decision[] = [];
  const evaluate = engine.evaluate.bind(engine);
  vi.spyOn(engine, 'evaluate').mockImplementation(async (message, opts) => {
    const decision = await evaluate(message, opts);
    decisions.push(decision);
    return decision;
  });
  const problems: [number, string][] = [];
  const outcome = await runScan({ entries: entries(lines), engine, clock, onProblem: (line, message) => problems.push([line, message]) });
  return { ...outcome, decisions, problems, clock };
}

const say = (member: string, minutes: number, text: string, extra: object = {}) => ({
  group: 'g',
  member,
  date: new Date(T0 + minutes * MIN).toISOString(),
  text,
  ...extra,
});

const kinds = (d: Decision) => [...d.actions, ...d.withheld].map((a) => a.type).filter((t) => t !== 'log');

describe('runScan', () => {
  it('GIVEN a repeat within the 10-minute window THEN the second member gets a pointer, after it a new reply', async () => {
    const { decisions, clock } = await scanned([
      say('Erin', 0, 'Garlic protects you from COVID-19'),
      say('Frank', 2, 'Garlic protects you from COVID-19, my grandma swears by it'),
      say('Gina', 30, 'Garlic protects you from COVID-19!!'),
    ]);
    expect(decisions.map(kinds)).toEqual([['reply_refutation'], ['pointer'], ['reply_refutation']]);
    expect(clock.now).toBe(T0 + 30 * MIN);
  });

  it('GIVEN strikes 31 days apart THEN the first has decayed and the ladder starts again', async () => {
    const { decisions, tally } = await scanned([
      say('Erin', 0, 'Garlic protects you from COVID-19'),
      say('Erin', 60, '5G networks are causing COVID-19'),
      say('Erin', 31 * 24 * 60 + 60, 'Mosquito bites spread the coronavirus'),
    ]);
    expect(decisions.map((d) => d.strikes)).toEqual([
      { before: 0, after: 1 },
      { before: 1, after: 2 },
      { before: 0, after: 1 },
    ]);
    expect(tally.summary().members).toEqual([{ group: 'g', id: 'Erin', name: 'Erin', strikes: 3, actions: ['reply_refutation', 'warn'] }]);
  });

  it('GIVEN a broken entry THEN it is counted and reported, and the scan goes on', async () => {
    const { tally, problems, stopped } = await scanned([say('Erin', 0, 'hello'), { member: 'Erin' }, say('Erin', 1, 'bye')]);
    expect(tally.summary()).toMatchObject({ messages: 2, skipped: 1, problems: [{ line: 2, message: 'text: the message has no text' }] });
    expect(problems).toEqual([[2, 'text: the message has no text']]);
    expect(stopped).toBe(false);
  });
});
