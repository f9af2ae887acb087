import type { Matcher, Stance } from '../matching/types.js';
import { actAt } from '../rules/actAt.js';
import { mean } from './metrics.js';
import type { ChatResult, LabelledMessage } from './types.js';

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
