import type { Matcher, Stance } from '../matching/types.js';
import { actAt } from '../rules/actAt.js';
import { mean } from './metrics.js';
import type { ChatResult, EvalMiss, LabelledMessage } from './types.js';

/** What the matcher made of one labelled message. */
export interface ChatReading {
  message: LabelledMessage;
  /** The best match, whatever its score; undefined when nothing matched at all. */
  top: { debunkId: string; score: number } | undefined;
  stance: Stance;
}

/** Reads one labelled message: its best match, however weak, and the stance towards it. */
export function readMessage(matcher: Matcher, message: LabelledMessage): ChatReading {
  const match = matcher.match(message.text, { limit: 1, minScore: 0 });
  const top = match.matches[0];
  return { message, top: top ? { debunkId: top.debunkId, score: top.score } : undefined, stance: match.stance };
}

/**
 * Whether the rules act on a best match of this score, as the engine decides (actAt): a question
 * from the answer threshold, anything else from the act threshold. Score 0: nothing matched.
 */
export function actsOn(score: number, question: boolean, actThreshold: number, answerThreshold?: number): boolean {
  const thresholds = { suggest: 0, act: actThreshold, ...(answerThreshold !== undefined ? { answer: answerThreshold } : {}) };
  return score > 0 && score >= actAt(thresholds, question ? 'question' : 'spread');
}

/** What the rules do with a message, in the terms the chat targets are stated in. */
export function consequence(
  reading: ChatReading,
  actThreshold: number,
  answerThreshold?: number,
): { acts: boolean; rightClaim: boolean; strike: boolean; reply: boolean } {
  const acts = reading.top !== undefined && actsOn(reading.top.score, reading.stance === 'question', actThreshold, answerThreshold);
  const rightClaim = acts && reading.top?.debunkId === reading.message.claim;
  const strike = acts && reading.stance === 'spread';
  const reply = acts && (reading.stance === 'spread' || reading.stance === 'question');
  return { acts, rightClaim, strike, reply };
}

const share = <T>(items: readonly T[], test: (item: T) => boolean): number =>
  items.length === 0 ? Number.NaN : mean(items.map((item) => (test(item) ? 1 : 0)));

/** The chat figures per language, languages in name order. */
export function scoreChat(dataset: string, readings: readonly ChatReading[], actThreshold: number, answerThreshold?: number): ChatResult[] {
  const langs = [...new Set(readings.map((r) => r.message.lang))].sort();
  return langs.map((lang) => {
    const of = (...kinds: LabelledMessage['kind'][]) => readings.filter((r) => r.message.lang === lang && kinds.includes(r.message.kind));
    const does = (r: ChatReading) => consequence(r, actThreshold, answerThreshold);
    const spread = of('spread');
    const questions = of('question');
    const refutes = of('refute');
    const quiet = of('neg', 'chatter');
    return {
      dataset,
      lang,
      spread: spread.length,
      spreadActs: share(spread, (r) => does(r).rightClaim),
      spreadRefuting: share(spread, (r) => r.stance === 'refute' || r.stance === 'mock'),
      questions: questions.length,
      questionsAnswered: share(questions, (r) => does(r).rightClaim && does(r).reply && !does(r).strike),
      questionsNoStrike: share(questions, (r) => !does(r).strike),
      refutes: refutes.length,
      refutesNoStrike: share(refutes, (r) => !does(r).strike),
      refutesNoReply: share(refutes, (r) => !does(r).reply),
      quiet: quiet.length,
      quietActs: share(quiet, (r) => does(r).acts),
    };
  });
}

/** What the bot got wrong with a labelled message, in the terms of the chat targets; null: nothing. */
export function chatProblem(reading: ChatReading, actThreshold: number, answerThreshold?: number): string | null {
  const does = consequence(reading, actThreshold, answerThreshold);
  switch (reading.message.kind) {
    case 'spread':
      if (reading.stance === 'refute' || reading.stance === 'mock') return `spread read as ${reading.stance}`;
      if (does.rightClaim) return null;
      return does.acts ? 'acted on with another claim' : 'not acted on';
    case 'question':
      if (does.strike) return 'question struck';
      if (does.rightClaim && does.reply) return null;
      return does.acts ? 'answered with another claim' : 'not answered';
    case 'refute':
      if (does.strike) return 'refutation struck';
      return does.reply ? 'refutation replied to' : null;
    default:
      return does.acts ? 'acted on' : null;
  }
}

/** The labelled messages the bot got wrong, for `eval --misses`. */
export function chatMisses(dataset: string, readings: readonly ChatReading[], actThreshold: number, answerThreshold?: number): EvalMiss[] {
  const misses: EvalMiss[] = [];
  for (const r of readings) {
    const problem = chatProblem(r, actThreshold, answerThreshold);
    if (problem === null) continue;
    const m = r.message;
    misses.push({
      dataset,
      part: m.lang,
      kind: m.kind,
      id: m.id,
      text: m.text,
      gold: m.claim === null ? [] : [m.claim],
      top: r.top?.debunkId ?? null,
      score: r.top?.score ?? 0,
      stance: r.stance,
      problem,
    });
  }
  return misses;
}
