import type { Debunk } from '../debunks/schema.js';
import { generateDebunks } from './corpus/generateDebunks.js';
import { generateMessages, type BenchMessage } from './corpus/generateMessages.js';
import { createRandom } from './corpus/random.js';

export type { BenchMessage } from './corpus/generateMessages.js';

/** What to generate. */
export interface CorpusOptions {
  /** Number of debunks. */
  claims: number;
  /** Number of chat messages. */
  messages: number;
  /** PRNG seed. @defaultValue BENCH_SEED */
  seed?: number;
}

/** The seed the bench uses unless told otherwise; any fixed number would do. */
export const BENCH_SEED = 20240611;

/** A synthetic debunk database and chat messages that refer to it. */
export interface Corpus {
  debunks: Debunk[];
  messages: BenchMessage[];
}

/**
 * Generates a deterministic corpus: same options → identical debunks and messages, on any machine.
 * Debunks and messages draw from separate streams, so changing the message count leaves the debunks alone.
 */
export function generateCorpus(options: CorpusOptions): Corpus {
  const root = createRandom(options.seed ?? BENCH_SEED);
  const debunks = generateDebunks(options.claims, root.fork('debunks'));
  const messages = generateMessages(debunks, options.messages, root.fork('messages'));
  return { debunks, messages };
}
