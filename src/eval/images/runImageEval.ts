import { createRandom } from '../../bench/corpus/random.js';
import type { Debunk } from '../../debunks/schema.js';
import { Engine } from '../../engine/engine.js';
import { ImageReader } from '../../ocr/imageReader.js';
import { bytesImage } from '../../ocr/imageSource.js';
import { DEFAULT_OCR_OPTIONS } from '../../ocr/ocrOptions.js';
import { TesseractPool } from '../../ocr/tesseractPool.js';
import type { GroupSettings } from '../../rules/settingsSchema.js';
import { memoryStore } from '../../store/keyvStore.js';
import { buildImageSet } from './imageSet.js';
import { renderCard } from './renderCard.js';

/** What the bot did with the pictures of the image set. */
export interface ImageEvalResult {
  sources: string[];
  rumorImages: number;
  /** Rumor pictures acted on with the right claim. */
  actedRight: number;
  /** Rumor pictures acted on with another claim. */
  actedWrong: number;
  /** The same texts typed rather than pictured, acted on with the right claim (what OCR costs). */
  textActedRight: number;
  otherImages: number;
  /** Pictures without a rumor that were acted on (false acts). */
  falseActs: number;
  /** OCR time per picture, one worker: median and 90th percentile, ms (wall clock). */
  p50Ms: number;
  p90Ms: number;
  /** CPU time per picture (all threads of the process), median, ms: the time on one free core. */
  p50CpuMs: number;
  /** Starting the worker and loading the language data, ms (once). */
  startMs: number;
  /** Pictures whose text could not be read at all (skipped). */
  unread: number;
  /** Cases that went wrong, for a look: id, expected claim, claim acted on, text read. */
  misses: { id: string; expected: string | null; acted: string | null; text: string }[];
  /** Chinese cards were left out: no CJK font to draw them. */
  noCjkFont: boolean;
}

export interface ImageEvalOptions {
  examples: readonly Debunk[];
  rules: { raw: unknown; settings: GroupSettings };
  evalDir: string;
  onProgress?: (message: string) => void;
}

/**
 * Renders the image set (@napi-rs/canvas), reads every picture with the bot's OCR (one worker,
 * one after another, as on one core) and decides on the text read with the bot's engine and
 * default rules (dry run). A rumor picture counts when the decision acts and names its claim.
 */
export async function runImageEval({ examples, rules, evalDir, onProgress = () => undefined }: ImageEvalOptions): Promise<ImageEvalResult> {
  const { GlobalFonts } = await import('@napi-rs/canvas');
  const noCjkFont = !GlobalFonts.families.some((f) => /CJK|WenQuanYi|Han Sans|Hei/i.test(f.family));
  const set = buildImageSet(examples, evalDir, createRandom(20_260_101));
  const cases = noCjkFont ? set.cases.filter((c) => c.lang !== 'zh') : set.cases;
  const engine = new Engine({ debunks: set.debunks, rules, store: memoryStore() });
  const pool = new TesseractPool(1, DEFAULT_OCR_OPTIONS.languages);
  // No cache: the eval measures reading every picture.
  const reader = new ImageReader(pool, { cacheSize: 0, queueTotal: cases.length + 1, queuePerGroup: cases.length + 1 });
  const result: ImageEvalResult = {
    sources: set.sources,
    rumorImages: 0,
    actedRight: 0,
    actedWrong: 0,
    textActedRight: 0,
    otherImages: 0,
    falseActs: 0,
    p50Ms: 0,
    p90Ms: 0,
    p50CpuMs: 0,
    startMs: 0,
    unread: 0,
    misses: [],
    noCjkFont,
  };
  const times: number[] = [];
  const cpu: number[] = [];
  try {
    const startedAt = performance.now();
    await pool.recognize(await renderCard({ body: 'warm up', style: 'chat', width: 200, rotate: 0 }, createRandom(1)), 60_000);
    result.startMs = Math.round(performance.now() - startedAt);
    const random = createRandom(7);
    for (const [i, c] of cases.entries()) {
      const image = await renderCard(c.card, random.fork(c.id));
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      const read = await reader.read('eval', bytesImage(c.id, image));
      times.push(performance.now() - t0);
      const used = process.cpuUsage(c0);
      cpu.push((used.user + used.system) / 1000);
      const text = read.ok ? read.text : '';
      if (!read.ok) result.unread += 1;
      const acted = text === '' ? null : await actedOn(engine, c.id, text);
      if (c.claim === null) {
        result.otherImages += 1;
        if (acted) result.falseActs += 1;
      } else {
        result.rumorImages += 1;
        if (acted === c.claim) result.actedRight += 1;
        else if (acted) result.actedWrong += 1;
        if ((await actedOn(engine, `${c.id}:text`, c.card.body)) === c.claim) result.textActedRight += 1;
      }
      if (acted !== c.claim) result.misses.push({ id: c.id, expected: c.claim, acted, text: text.slice(0, 160) });
      if ((i + 1) % 10 === 0) onProgress(`images: ${i + 1}/${cases.length} read`);
    }
  } finally {
    await reader.close();
  }
  times.sort((a, b) => a - b);
  result.p50Ms = Math.round(times[Math.floor(times.length * 0.5)] ?? 0);
  result.p90Ms = Math.round(times[Math.floor(times.length * 0.9)] ?? 0);
  cpu.sort((a, b) => a - b);
  result.p50CpuMs = Math.round(cpu[Math.floor(cpu.length * 0.5)] ?? 0);
  return result;
}

/** The claim the bot would act on for this text (a dry run: nothing stored), or null. */
async function actedOn(engine: Engine, id: string, text: string): Promise<string | null> {
  const decision = await engine.evaluate(
    { platform: 'eval', groupId: 'eval', messageId: id, member: { id: 'member', name: 'Member' }, text, sentAt: Date.now() },
    { dryRun: true },
  );
  const acts = [...decision.actions, ...decision.withheld].some((a) => a.type !== 'log');
  return acts ? (decision.matches[0]?.debunkId ?? null) : null;
}

/** The images row, as `eval --images` prints it. */
export function formatImageEval(r: ImageEvalResult): string {
  const pct = (n: number, d: number) => (d === 0 ? '-' : `${((100 * n) / d).toFixed(1)} %`);
  return [
    `Images (${r.sources.join('; ')}${r.noCjkFont ? '; Chinese cards left out: no CJK font, install fonts-noto-cjk' : ''})`,
    'rumor images | acted, right claim | acted, other claim | same text typed | other images | false acts | unread | p50 ms | p90 ms | p50 CPU ms | OCR start ms',
    `${r.rumorImages} | ${r.actedRight} (${pct(r.actedRight, r.rumorImages)}) | ${r.actedWrong} | ${pct(r.textActedRight, r.rumorImages)} | ${r.otherImages} | ${r.falseActs} | ${r.unread} | ${r.p50Ms} | ${r.p90Ms} | ${r.p50CpuMs} | ${r.startMs}`,
  ].join('\n');
}
