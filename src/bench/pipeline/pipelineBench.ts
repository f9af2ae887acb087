import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Debunk } from '../../debunks/schema.js';
import type { ChatMessage } from '../../engine/chatMessage.js';
import { createLogger } from '../../lib/logger.js';
import { createCore, type Core } from '../../moderation/createCore.js';
import { instantPort } from '../../moderation/instantPort.js';
import { ACTION_TYPES } from '../../rules/actionTypes.js';
import type { GroupSettings } from '../../rules/settingsSchema.js';
import { chatSentence } from '../corpus/chatter.js';
import { createRandom } from '../corpus/random.js';
import { percentile } from '../latencyStats.js';
import { removeBenchData } from './removeBenchData.js';

/** Which store the pipeline runs on. */
export type PipelineStore = 'sqlite' | 'redis' | 'postgres';

export interface PipelineBenchOptions {
  debunks: readonly Debunk[];
  rules: { raw: unknown; settings: GroupSettings };
  /** @defaultValue PIPELINE_DEFAULTS.groups */
  groups?: number;
  /** @defaultValue PIPELINE_DEFAULTS.members */
  members?: number;
  /** Messages per steady run. @defaultValue PIPELINE_DEFAULTS.messages */
  messages?: number;
  /** Rumors sent into one group during the flood run. @defaultValue PIPELINE_DEFAULTS.flood */
  flood?: number;
  /** Messages in flight at once, as many chats deliver them. @defaultValue PIPELINE_DEFAULTS.concurrency */
  concurrency?: number;
  /** Messages per second offered in the paced run (5 % rumors). @defaultValue PIPELINE_DEFAULTS.rate */
  rate?: number;
  /** @defaultValue ['sqlite'] plus redis/postgres when their URL is given */
  stores?: readonly PipelineStore[];
  redisUrl?: string;
  postgresUrl?: string;
  seed?: number;
}

export const PIPELINE_DEFAULTS = {
  groups: 1000,
  members: 50,
  messages: 20_000,
  flood: 10_000,
  concurrency: 64,
  rate: 1000,
  seed: 20261205,
} as const;

/** One row of the pipeline bench. Field names are the `--json` contract. */
export interface PipelineResult {
  system: 'pipeline';
  store: PipelineStore;
  /** Share of the messages that repeat a known rumor (each one an incident in the ledger). */
  rumorShare: number;
  /**
   * `steady`: all groups talking, as many messages in flight as `concurrency` allows (throughput;
   * its latencies are mostly time spent queued behind the other messages in flight); `paced`: the
   * same talk offered at a fixed rate, each latency counted from the moment the message was due
   * (the latency a member sees at that load); `flood`: one group flooded with rumors while the
   * others talk.
   */
  run: 'steady' | 'paced' | 'flood';
  groups: number;
  messages: number;
  /** Messages decided per second of wall-clock time, incidents acknowledged by the spool. */
  msgsPerSec: number;
  /** From a message handed to the moderator to its decision returned, incident on disk. */
  p50Ms: number;
  p99Ms: number;
  /** Flood run: p99 of the other groups during the flood, and without it (the steady 5 % run). */
  othersP99Ms: number | null;
  othersBaselineP99Ms: number | null;
  /** Spool flushes to disk per ledger record (group commit makes it well under one). */
  fsyncsPerRecord: number;
  /** Ledger writes to the store per record (batched per group). */
  storeWritesPerRecord: number;
  /** From a record acknowledged to it being in the store. */
  ledgerLagP50Ms: number;
  ledgerLagP99Ms: number;
  /** Largest resident set seen during the run, MB. */
  rssMB: number;
  /**
   * CPU time of the whole process per message, ms (user + system, delivery to the store included):
   * steadier than wall-clock figures on a machine that is busy with other things.
   */
  cpuMsPerMessage: number;
}

/**
 * The whole moderation path as `npm start` wires it (createCore: store, engine, moderator, spool,
 * recorder, ledger), every action enabled, measured from outside: steady talk in many groups at
 * 5 % and 100 % rumors, then a flood of rumors into one group while the others keep talking.
 * Each store gets a fresh folder, key prefix or table of its own, removed afterwards.
 */
export async function runPipelineBench(options: PipelineBenchOptions): Promise<PipelineResult[]> {
  const stores = options.stores ?? (['sqlite', ...(options.redisUrl ? ['redis'] : []), ...(options.postgresUrl ? ['postgres'] : [])] as PipelineStore[]);
  const results: PipelineResult[] = [];
  for (const store of stores) {
    const baseline = await measure(store, options, { rumorShare: 0.05 });
    results.push(baseline);
    results.push(await measure(store, options, { rumorShare: 1 }));
    results.push(await measure(store, options, { rumorShare: 0.05, rate: options.rate ?? PIPELINE_DEFAULTS.rate }));
    results.push(await measure(store, options, { rumorShare: 0.05, flood: baseline.p99Ms }));
  }
  return results;
}

/** Every action on, so each rumor costs what it costs a group that enabled everything. */
function allActionsOn(rules: PipelineBenchOptions['rules']): PipelineBenchOptions['rules'] {
  const enabledActions = [...ACTION_TYPES];
  return { raw: { ...(rules.raw as object), enabledActions }, settings: { ...rules.settings, enabledActions } };
}

interface Run {
  rumorShare: number;
  /** A flood run, with the other groups' p99 when there is no flood. */
  flood?: number;
  /** A paced run: messages offered per second. */
  rate?: number;
}

async function measure(store: PipelineStore, options: PipelineBenchOptions, run: Run): Promise<PipelineResult> {
  const dir = mkdtempSync(path.join(tmpdir(), 'rg-pipeline-'));
  const tag = `rgbench${process.pid}${Date.now().toString(36)}`;
  const storeUrl =
    store === 'sqlite'
      ? `sqlite://${path.join(dir, 'rumorguard.sqlite')}`
      : store === 'redis'
        ? options.redisUrl!
        : options.postgresUrl!;
  const created = await createCore({
    debunks: options.debunks,
    rules: allActionsOn(options.rules),
    storeUrl,
    spoolFile: path.join(dir, 'spool.jsonl'),
    isolation: { store: { namespace: tag, table: `${tag}_kv` }, ledger: { table: `${tag}_ledger`, keyPrefix: `${tag}:` } },
    // A ledger that fails during a bench must show: its figures would be wrong.
    log: createLogger({ level: 'warn', secrets: [], destination: process.stderr }),
  });
  if (!created.ok) throw new Error(`pipeline bench on ${store}: ${created.error}`);
  const core = created.core;
  let rss = 0;
  const sampler = setInterval(() => (rss = Math.max(rss, process.memoryUsage().rss)), 100);
  try {
    const rng = createRandom(options.seed ?? PIPELINE_DEFAULTS.seed);
    const groups = options.groups ?? PIPELINE_DEFAULTS.groups;
    const members = options.members ?? PIPELINE_DEFAULTS.members;
    const concurrency = options.concurrency ?? PIPELINE_DEFAULTS.concurrency;
    const rumors = rumorTexts(options.debunks);
    let id = 0;
    const message = (group: number, rumor: boolean): ChatMessage => ({
      platform: 'bench',
      groupId: `g${group}`,
      messageId: String(++id),
      member: { id: `m${rng.int(1, members)}`, name: 'Member' },
      text: rumor ? rng.pick(rumors) : chatSentence(rng.chance(0.5) ? 'en' : 'zh', rng),
      sentAt: Date.now(),
    });
    const steadyTotal = options.messages ?? PIPELINE_DEFAULTS.messages;
    // A paced run lasts at most ten seconds.
    const total =
      run.flood !== undefined
        ? (options.flood ?? PIPELINE_DEFAULTS.flood)
        : run.rate !== undefined
          ? Math.min(steadyTotal, run.rate * 10)
          : steadyTotal;
    const latencies: number[] = [];
    const others: number[] = [];
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    if (run.rate !== undefined) {
      await paced(total, run.rate, async (due) => {
        await core.moderator.onMessage(message(rng.int(1, groups), rng.chance(run.rumorShare)), instantPort);
        latencies.push(performance.now() - due);
      });
    } else if (run.flood === undefined) {
      await pool(total, concurrency, async () => {
        latencies.push(await decide(core, message(rng.int(1, groups), rng.chance(run.rumorShare))));
      });
    } else {
      // The flood: every message a rumor into group 0, as fast as it is taken; meanwhile the other
      // groups talk at their steady pace, and their latency is what a flood must not spoil.
      let flooding = true;
      const talk = (async () => {
        while (flooding) {
          others.push(await decide(core, message(rng.int(1, groups), rng.chance(run.rumorShare))));
          await new Promise((resolve) => setTimeout(resolve, 2));
        }
      })();
      await pool(total, concurrency, async () => {
        latencies.push(await decide(core, message(0, true)));
      });
      flooding = false;
      await talk;
    }
    const seconds = (performance.now() - started) / 1000;
    await core.moderator.settled();
    await core.recorder.flush();
    const cpu = process.cpuUsage(cpuBefore);
    const spool = core.spool.stats();
    const recorder = core.recorder.stats();
    if (core.spool.waiting > 0) throw new Error(`pipeline bench on ${store}: ${core.spool.waiting} ledger records were not delivered`);
    const sorted = Float64Array.from(latencies).sort();
    const othersSorted = Float64Array.from(others).sort();
    return {
      system: 'pipeline',
      store,
      rumorShare: run.flood !== undefined ? 1 : run.rumorShare,
      run: run.flood !== undefined ? 'flood' : run.rate !== undefined ? 'paced' : 'steady',
      groups: run.flood !== undefined ? 1 : groups,
      messages: latencies.length,
      msgsPerSec: round(latencies.length / seconds, 0),
      p50Ms: round(percentile(sorted, 0.5), 2),
      p99Ms: round(percentile(sorted, 0.99), 2),
      othersP99Ms: run.flood !== undefined ? round(percentile(othersSorted, 0.99), 2) : null,
      othersBaselineP99Ms: run.flood !== undefined ? run.flood : null,
      fsyncsPerRecord: round(spool.appended > 0 ? spool.syncs / spool.appended : 0, 3),
      storeWritesPerRecord: round(recorder.delivered > 0 ? recorder.batches / recorder.delivered : 0, 3),
      ledgerLagP50Ms: round(recorder.lagP50Ms, 1),
      ledgerLagP99Ms: round(recorder.lagP99Ms, 1),
      rssMB: round(Math.max(rss, process.memoryUsage().rss) / 1024 / 1024, 0),
      cpuMsPerMessage: round((cpu.user + cpu.system) / 1000 / (latencies.length + others.length), 3),
    };
  } finally {
    clearInterval(sampler);
    await core.close();
    await removeBenchData(store, storeUrl, tag).catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One message through the moderator, as an adapter hands it over; ms until the decision is back. */
async function decide(core: Core, message: ChatMessage): Promise<number> {
  const t = performance.now();
  await core.moderator.onMessage(message, instantPort);
  return performance.now() - t;
}

/** Runs `task` `count` times with at most `width` at once. */
async function pool(count: number, width: number, task: () => Promise<void>): Promise<void> {
  let left = count;
  await Promise.all(
    Array.from({ length: Math.min(width, count) }, async () => {
      while (left > 0) {
        left -= 1;
        await task();
      }
    }),
  );
}

/**
 * Offers `count` tasks at `rate` a second whether or not earlier ones are done (an open loop, as
 * chats deliver messages), handing each the moment it was due: a latency counted from then includes
 * any time the process was too busy to take it, which a closed loop would hide.
 */
async function paced(count: number, rate: number, task: (due: number) => Promise<void>): Promise<void> {
  const start = performance.now();
  const running: Promise<void>[] = [];
  for (let i = 0; i < count; ) {
    const now = performance.now();
    for (; i < count && start + (i * 1000) / rate <= now; i++) running.push(task(start + (i * 1000) / rate));
    if (i < count) await new Promise((resolve) => setTimeout(resolve, Math.max(0, start + (i * 1000) / rate - performance.now())));
  }
  await Promise.all(running);
}

/** Texts that repeat a known rumor: the claims and variants of the database, as members post them. */
function rumorTexts(debunks: readonly Debunk[]): string[] {
  return debunks.flatMap((d) => [d.claim, ...d.variants]);
}

const round = (n: number, digits: number) => Number(n.toFixed(digits));
