import { appendAll } from '../../lib/appendAll.js';
import { terminalText } from '../../lib/terminalText.js';
import type { ScanTally } from './scanTally.js';

/** The end-of-scan report: counts, matches by debunk and the members the ladder would reach. */
export function formatSummary(file: string, tally: ScanTally): string[] {
  const skipped = tally.problems.length;
  const lines = [`${terminalText(file)}: ${plural(tally.messages, 'message')} read, ${plural(skipped, 'line')} skipped`, ''];

  const debunks = tally.debunksByCount();
  if (debunks.length === 0) {
    lines.push('No message matched a known rumor.');
  } else {
    lines.push('Matches by debunk');
    // appendAll, not push(...): a scan of a large chat log may have rows past the ~125k
    // arguments a call can take.
    appendAll(
      lines,
      table(
        ['debunk', 'messages', 'refuting', 'members'],
        debunks.map(([id, t]) => [id, String(t.messages), String(t.refuting), [...t.members].sort().join(', ')]),
        [false, true, true, false],
      ),
    );
  }

  const members = tally.flaggedMembers();
  lines.push('');
  if (members.length === 0) {
    lines.push('Nobody would be warned or muted.');
  } else {
    lines.push('Members who would be warned or muted (actions done or withheld)');
    const groups = new Set(members.map((m) => m.group));
    appendAll(
      lines,
      table(
        ['member', ...(groups.size > 1 ? ['group'] : []), 'strikes', 'highest action', 'all actions'],
        members.map((m) => [
          m.name === m.id ? m.name : `${m.name} (${m.id})`,
          ...(groups.size > 1 ? [m.group] : []),
          String(m.strikes),
          m.actions[m.actions.length - 1] ?? '',
          m.actions.join(', '),
        ]),
        [false, ...(groups.size > 1 ? [false] : []), true, false, false],
      ),
    );
  }
  return lines;
}

/**
 * Columns padded to their widest cell; numbers right-aligned. Cells come from the chat export
 * (member names, ids): their control characters are shown escaped, never sent to the terminal.
 */
function table(head: string[], given: string[][], right: boolean[]): string[] {
  const rows = given.map((r) => r.map(terminalText));
  // A loop, not Math.max(...cells): a spread of a million arguments overflows the stack.
  const widths = head.map((h) => h.length);
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.length)));
  const line = (cells: string[]) =>
    `  ${cells.map((c, i) => (right[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ')}`.trimEnd();
  return [line(head), ...rows.map(line)];
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
