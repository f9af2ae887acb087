import type { TextSink } from './textSink.js';

/**
 * A sink that keeps the beginning of a text, up to `maxChars` and cut at a line end, and counts
 * the rest: the on-screen report of a long ledger shows its summary and first incidents without
 * holding hundreds of megabytes in the bot's memory or the browser's page.
 */
export function screenCollector(maxChars: number): { sink: TextSink; text: () => string; cut: () => boolean; totalChars: () => number } {
  const chunks: string[] = [];
  let kept = 0;
  let total = 0;
  let full = false;
  const sink: TextSink = async (chunk) => {
    total += chunk.length;
    if (full) return;
    if (kept + chunk.length <= maxChars) {
      chunks.push(chunk);
      kept += chunk.length;
      return;
    }
    // The last line that fits whole; nothing of a line cut in two.
    const head = chunk.slice(0, maxChars - kept);
    const lineEnd = head.lastIndexOf('\n');
    if (lineEnd >= 0) chunks.push(head.slice(0, lineEnd + 1));
    full = true;
  };
  return { sink, text: () => chunks.join(''), cut: () => full, totalChars: () => total };
}
