import { SEVERITIES, VERDICTS, type Debunk, type Severity, type Verdict } from '../../debunks/schema.js';
import { CHINESE_RUMORS } from './chineseRumors.js';
import { ENGLISH_RUMORS } from './englishRumors.js';
import type { Random } from './random.js';
import { drawSlots, fill, type RumorKind } from './rumorKind.js';

/** Length limits that make a claim look like something people actually forward. */
const EN_WORDS = { min: 8, max: 20 } as const;
const ZH_CHARS = { min: 10, max: 30 } as const;

/**
 * Draws before giving up on a unique, well-sized claim. The vocabulary has millions of combinations
 * per family, so a few retries suffice even at 100k claims; the cap only guards against a bad edit.
 */
const MAX_ATTEMPTS = 50;

const PUBLISHERS = ['Factcheck Desk', 'Rumor Watch', '辟谣平台', '真相调查', 'Verify Team', 'Truth Lens'] as const;
/** Fact-checkers mostly rate forwarded rumors plainly false; the other verdicts are rarer. */
const VERDICT_WEIGHTS: Readonly<Record<Verdict, number>> = {
  false: 0.6, misleading: 0.2, unproven: 0.1, outdated: 0.07, satire: 0.03,
};
const SEVERITY_WEIGHTS: Readonly<Record<Severity, number>> = { low: 0.25, medium: 0.5, high: 0.25 };

/** The first day a synthetic fact-check can carry (2018-01-01) and the span after it, in days. */
const FIRST_DAY_MS = Date.UTC(2018, 0, 1);
const DAY_SPAN = 8 * 365;

/**
 * Generates `count` distinct synthetic debunks, about half English and half Chinese.
 * Same `rng` state → identical output.
 */
export function generateDebunks(count: number, rng: Random): Debunk[] {
  const seen = new Set<string>();
  const debunks: Debunk[] = [];
  for (let i = 0; i < count; i++) {
    const lang = rng.chance(0.5) ? 'en' : 'zh';
    debunks.push(generateOne(i, lang, rng, seen));
  }
  return debunks;
}

function generateOne(index: number, lang: 'en' | 'zh', rng: Random, seen: Set<string>): Debunk {
  const kinds = lang === 'en' ? ENGLISH_RUMORS : CHINESE_RUMORS;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const kind = rng.pick(kinds);
    const values = drawSlots(kind, rng);
    const order = shuffled(kind.frames.map((_, i) => i), rng);
    const phrasings = order.map((i) => fill(kind.frames[i] as string, values));
    const claim = phrasings[0] as string;
    if (seen.has(claim) || !fitsLength(claim, lang)) continue;
    seen.add(claim);
    const variantCount = Math.min(rng.int(0, 2), phrasings.length - 1);
    return toDebunk(index, lang, kind, values, claim, phrasings.slice(1, 1 + variantCount), rng);
  }
  throw new Error(`could not draw a unique ${lang} claim after ${MAX_ATTEMPTS} attempts (debunk ${index})`);
}

function toDebunk(
  index: number,
  lang: 'en' | 'zh',
  kind: RumorKind,
  values: Record<string, string>,
  claim: string,
  variants: string[],
  rng: Random,
): Debunk {
  const id = `bench-${lang}-${String(index).padStart(6, '0')}`;
  const published = new Date(FIRST_DAY_MS + rng.int(0, DAY_SPAN) * 86_400_000).toISOString().slice(0, 10);
  const refutation = fill(kind.refutation, values);
  return {
    id,
    claim,
    variants,
    verdict: weighted(VERDICT_WEIGHTS, VERDICTS, rng),
    // Some entries carry per-language refutations so both shapes of the schema are exercised.
    refutation: rng.chance(0.2) ? { [lang]: refutation } : refutation,
    sources: [
      {
        title: fill(kind.headline, values),
        url: `https://factcheck.example.org/${lang}/${kind.name}/${id}`,
        publisher: rng.pick(PUBLISHERS),
        date: published,
      },
    ],
    tags: [...kind.tags],
    severity: weighted(SEVERITY_WEIGHTS, SEVERITIES, rng),
    lang,
    published,
    example: false,
  };
}

function fitsLength(claim: string, lang: 'en' | 'zh'): boolean {
  if (lang === 'en') {
    const words = claim.split(/\s+/).length;
    return words >= EN_WORDS.min && words <= EN_WORDS.max;
  }
  const chars = [...claim].length;
  return chars >= ZH_CHARS.min && chars <= ZH_CHARS.max;
}

function weighted<T extends string>(weights: Readonly<Record<T, number>>, keys: readonly T[], rng: Random): T {
  let r = rng.next();
  for (const key of keys) {
    r -= weights[key];
    if (r < 0) return key;
  }
  return keys[keys.length - 1] as T;
}

/** Fisher-Yates on a copy. */
function shuffled<T>(items: readonly T[], rng: Random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
