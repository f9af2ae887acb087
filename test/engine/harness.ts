import { fileURLToPath } from 'node:url';
import { loadDebunksSync } from '../../src/debunks/loadDebunks.js';
import type { Debunk } from '../../src/debunks/schema.js';
import type { ChatMember, ChatMessage } from '../../src/engine/chatMessage.js';
import type { ActionIntent, Decision } from '../../src/engine/decision.js';
import { intentText } from '../../src/engine/intentText.js';
import { Engine, type ExclusionSource } from '../../src/engine/engine.js';
import type { ActionType } from '../../src/rules/actionTypes.js';
import { loadSettingsFile } from '../../src/rules/loadSettings.js';
import type { KeyValueStore } from '../../src/store/keyValueStore.js';
import { memoryStore } from '../../src/store/keyvStore.js';

/** The repository root, so the tests read the shipped files wherever vitest is started. */
export const REPO = fileURLToPath(new URL('../../', import.meta.url));

const loaded = loadDebunksSync('rules/debunks', { cwd: REPO });
if (!loaded.ok) throw new Error(`rules/debunks does not load: ${JSON.stringify(loaded.problems)}`);
/** The shipped example debunks (rules/debunks/examples.yaml). */
export const DEBUNKS: readonly Debunk[] = loaded.debunks;

const rules = loadSettingsFile('rules/default.yaml', REPO);
if (!rules.ok) throw new Error(`rules/default.yaml does not load: ${JSON.stringify(rules.problems)}`);
/** rules/default.yaml, validated. */
export const DEFAULT_RULES = rules;

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
/** One step past the default repeat window (10 minutes), so each post gets a full refutation. */
export const PAST_REPEAT_WINDOW = 11 * MINUTE;

/** Every action a ladder can hold, plus the log: what an owner who enabled everything has. */
export const ALL_ACTIONS = ['reply_refutation', 'warn', 'delete', 'mute', 'alert_owners', 'log'] as const satisfies readonly ActionType[];

/**
 * Messages that the shipped matcher scores as stated (checked with `createMatcher` over
 * rules/debunks): verbatim claims score 1, `weakFiveG` falls between suggest (0.4) and act (0.8).
 */
export const TEXT = {
  fiveG: '5G towers spread the coronavirus',
  fiveGZh: '5G基站会传播新冠病毒',
  garlic: 'Eating garlic prevents infection with the coronavirus',
  mosquito: 'Mosquito bites spread the coronavirus',
  whatsapp: 'WhatsApp will start charging unless you forward this message to 10 contacts',
  beachGirl: '上海海滩走失的4岁女孩其实是被家人故意遗弃的',
  /** Scores about 0.38 against 5g-spreads-coronavirus. */
  weakFiveG: 'the coronavirus and 5G towers',
  /** Scores about 0.98 against bill-gates-pays-for-forwarding. */
  gates: 'Bill Gates will pay you for every person you forward this email to',
  chatter: 'hello all, how was the weekend?',
} as const;

export const FIVE_G_ID = '5g-spreads-coronavirus';
export const FIVE_G_SOURCE = 'https://www.who.int/emergency/diseases/novel-coronavirus-2019/advice-for-public/myth-busters';

/** 2025-01-15 12:00 UTC: any fixed instant works; nothing reads the real clock. */
const START = Date.UTC(2025, 0, 15, 12);

export interface Harness {
  engine: Engine;
  store: KeyValueStore;
  /** The fake clock's current value (ms). */
  now(): number;
  advance(ms: number): void;
  /** A message in group `g-1` from member `m-1` ("Alice") with a fresh id, sent now. */
  message(fields?: Partial<Omit<ChatMessage, 'member'>> & { member?: Partial<ChatMember> }): ChatMessage;
  /** Evaluates `message(fields)`. */
  post(fields?: Parameters<Harness['message']>[0], opts?: { dryRun?: boolean }): Promise<Decision>;
}

export function harness(options: { store?: KeyValueStore; exclusions?: ExclusionSource; debunks?: readonly Debunk[] } = {}): Harness {
  let clock = START;
  let nextId = 1;
  const store = options.store ?? memoryStore();
  const engine = new Engine({ debunks: options.debunks ?? DEBUNKS, rules: DEFAULT_RULES, store, now: () => clock, ...(options.exclusions ? { exclusions: options.exclusions } : {}) });
  const message: Harness['message'] = (fields = {}) => {
    const { member, ...rest } = fields;
    return {
      platform: 'test',
      groupId: 'g-1',
      messageId: `msg-${nextId++}`,
      text: TEXT.fiveG,
      sentAt: clock,
      ...rest,
      member: { id: 'm-1', name: 'Alice', ...member },
    };
  };
  return {
    engine,
    store,
    now: () => clock,
    advance: (ms) => {
      clock += ms;
    },
    message,
    post: (fields, opts) => engine.evaluate(message(fields), opts),
  };
}

/** A harness whose group `g-1` has every action enabled (and any further settings). */
export async function enforcing(override: Record<string, unknown> = {}, groupId = 'g-1'): Promise<Harness> {
  const h = harness();
  const result = await h.engine.configure(groupId, { enabledActions: [...ALL_ACTIONS], ...override });
  if (!result.ok) throw new Error(`bad test settings: ${result.problems.join('; ')}`);
  return h;
}

export const typesOf = (intents: readonly ActionIntent[]) => intents.map((i) => i.type);
export const withheldOf = (d: Decision) => d.withheld.map((w) => [w.type, w.withheldBecause] as const);
export const textOf = (d: Decision, type: ActionType) => {
  const intent = d.actions.find((a) => a.type === type);
  return intent && intentText(intent);
};
export const ruleOf = (d: Decision, rule: string) => d.explain.find((r) => r.rule === rule);
/** Every text the decision carries, done or withheld. */
export const allTexts = (d: Decision) => [...d.actions, ...d.withheld].flatMap((i) => intentText(i) ?? []);
