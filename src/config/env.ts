import { statSync } from 'node:fs';
import { z } from 'zod';
import { DEFAULT_STORE_URL, parseStoreUrl } from '../store/storeUrl.js';

/**
 * Every environment variable RumorGuard reads, with its default. `.env.example` documents the
 * same list; a test keeps the two in step.
 */
/**
 * A file the bot writes (the spool, the key, the checkpoints): a folder of that name is a mistake
 * to name at start, not an "unexpected failure: EISDIR" later.
 */
function aFile(fallback: string) {
  return z
    .string()
    .min(1)
    .default(fallback)
    .refine((file) => !isFolder(file), 'is a folder: name a file (it is made when missing)');
}

function isFolder(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

export const ENV_DEFAULTS = {
  /** Folder of debunk files (YAML or JSON), relative to the working directory. */
  DEBUNKS_DIR: 'rules/debunks',
  /** Default rules for every group (thresholds, ladder, exemptions), relative to the working directory. */
  RULES_FILE: 'rules/default.yaml',
  /**
   * Where group settings, strikes and the ledger are kept: sqlite://PATH (relative to the working
   * directory, created on first run), redis://…, postgres://… or memory: (lost on exit).
   */
  STORE_URL: DEFAULT_STORE_URL,
  /**
   * Local file where ledger records wait while the store is unreachable (flushed to disk before a
   * record counts as written). One per bot process: give each process its own.
   */
  SPOOL_FILE: 'data/ledger-spool.jsonl',
  /**
   * The bot's Ed25519 private key (PEM) that signs each group's chain head, made at the first
   * start (mode 0600). Keep it outside the store and never share it; every bot process on one
   * store uses the same file.
   */
  LEDGER_KEY_FILE: 'data/ledger-signing-key.pem',
  /**
   * The latest signed checkpoint (group, seq, hash, time) of each group's chain, rewritten after
   * every delivered batch and at shutdown; `ledger verify` checks chains against it.
   */
  LEDGER_CHECKPOINT_FILE: 'data/ledger-checkpoints.json',
  /** Days an incident's message text is kept beside the chain (its sha256 stays in it); 0 keeps none. */
  LEDGER_TEXT_DAYS: '180',
  /** pino log level: fatal, error, warn, info, debug, trace or silent. */
  LOG_LEVEL: 'info',
  /** Discord bot token; when set, `npm start` connects to Discord. */
  DISCORD_TOKEN: '',
  /**
   * Discord's REST API, or an HTTP proxy in front of it that several bots share for rate limits;
   * the gateway URL is looked up through it.
   */
  DISCORD_API_URL: 'https://discord.com/api',
  /**
   * Discord shards: empty runs one process; a number or `auto` runs discord.js's ShardingManager,
   * one process per shard, all sharing STORE_URL (which must then be SQLite, Redis or Postgres).
   */
  SHARDS: '',
  /** Telegram bot token from BotFather; when set, `npm start` connects to Telegram. */
  TELEGRAM_BOT_TOKEN: '',
  /** Bot API server: Telegram's, or a self-hosted telegram-bot-api server. */
  TELEGRAM_API_ROOT: 'https://api.telegram.org',
  /**
   * Public https URL Telegram posts updates to (webhook mode). Empty: long polling, which needs
   * no public address.
   */
  TELEGRAM_WEBHOOK_URL: '',
  /** Local port the webhook server listens on, behind the proxy that serves TELEGRAM_WEBHOOK_URL. */
  TELEGRAM_WEBHOOK_PORT: '8443',
  /**
   * Secret Telegram sends with every webhook post (A-Z, a-z, 0-9, _ and -). Empty: a new random
   * one at every start.
   */
  TELEGRAM_WEBHOOK_SECRET: '',
  /** Port of the owners' web dashboard, served by the bot process; 0 picks a free one; `off` serves none. */
  DASHBOARD_PORT: '8787',
  /** Interface the dashboard listens on: this machine only, unless a reverse proxy elsewhere needs more. */
  DASHBOARD_HOST: '127.0.0.1',
  /**
   * The dashboard's address as admins open it, when a reverse proxy serves it at the root of an
   * address (https://…); login links point there and cookies are Secure when it is https. Empty:
   * http://DASHBOARD_HOST:PORT.
   */
  DASHBOARD_PUBLIC_URL: '',
  /**
   * Who may add, edit and import entries of the shared debunk database from the dashboard, as
   * platform:userId separated by commas (e.g. telegram:12345,discord:67890); `*` is every admin.
   * Empty: nobody (the playground's owner always may).
   */
  DASHBOARD_DEBUNK_EDITORS: '',
  /**
   * The bot's operators, as platform:userId separated by commas (telegram:12345,discord:67890):
   * told privately when a debunk file breaks, a feed fails, or an unknown rumor spreads across
   * groups; they retire debunks for every group. Telegram operators must have pressed Start.
   */
  OPERATOR_IDS: '',
  /**
   * Debunk feeds to subscribe to: `name=URL-or-file` separated by commas; ClaimReview (also a
   * schema.org DataFeed) or RumorGuard JSON/YAML. Empty: none.
   */
  DEBUNK_FEEDS: '',
  /** Minutes between two polls of each feed (with ETag / If-Modified-Since). */
  DEBUNK_FEED_MINUTES: '60',
  /** Watch DEBUNKS_DIR and load changed files without a restart: on or off. */
  DEBUNKS_WATCH: 'on',
  /**
   * Read the text in pictures (OCR, offline, tesseract.js): `on` where it is installed, `off`
   * never. Groups choose too (`/rg images on|off`).
   */
  OCR: 'on',
  /** Worker threads reading pictures (each takes one CPU core while it reads). */
  OCR_WORKERS: '1',
  /** Largest picture fetched, in bytes; a bigger one is skipped and logged. */
  OCR_MAX_BYTES: '5000000',
  /** Largest picture read, in pixels (width × height, from its header before decoding). */
  OCR_MAX_PIXELS: '12000000',
  /** Longest one picture may take to read, in ms; its worker is then replaced. */
  OCR_TIMEOUT_MS: '10000',
  /** Pictures of one group waiting or being read at once; more are skipped and logged. */
  OCR_QUEUE_PER_GROUP: '8',
  /**
   * Whose reports accepted as debunks serve every group on the store: `all` (every group's admins:
   * one community of groups) or `operators` (OPERATOR_IDS; other admins' serve their own group).
   */
  REVIEW_SHARES: 'all',
} as const satisfies Record<string, string>;

const EnvSchema = z.object({
  DEBUNKS_DIR: z.string().min(1).default(ENV_DEFAULTS.DEBUNKS_DIR),
  RULES_FILE: z.string().min(1).default(ENV_DEFAULTS.RULES_FILE),
  STORE_URL: z
    .string()
    .min(1)
    .default(ENV_DEFAULTS.STORE_URL)
    .superRefine((url, ctx) => {
      // The message shows the URL with its password redacted.
      const parsed = parseStoreUrl(url);
      if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.error });
    }),
  SPOOL_FILE: aFile(ENV_DEFAULTS.SPOOL_FILE),
  LEDGER_KEY_FILE: aFile(ENV_DEFAULTS.LEDGER_KEY_FILE),
  LEDGER_CHECKPOINT_FILE: aFile(ENV_DEFAULTS.LEDGER_CHECKPOINT_FILE),
  LEDGER_TEXT_DAYS: z
    .string()
    .regex(/^\d{1,5}$/, 'must be a whole number of days (0 keeps no message text)')
    .default(ENV_DEFAULTS.LEDGER_TEXT_DAYS)
    .transform(Number),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DISCORD_TOKEN: z.string().default(''),
  TELEGRAM_BOT_TOKEN: z.string().default(''),
  DISCORD_API_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).default(ENV_DEFAULTS.DISCORD_API_URL),
  SHARDS: z
    .string()
    .regex(/^(auto|[1-9]\d{0,3})$/, 'must be a number of shards (1-9999) or "auto"')
    .optional(),
  TELEGRAM_API_ROOT: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).default(ENV_DEFAULTS.TELEGRAM_API_ROOT),
  TELEGRAM_WEBHOOK_URL: z
    .url({ protocol: /^https?$/, error: 'must be the public http(s) URL Telegram posts to' })
    .optional(),
  TELEGRAM_WEBHOOK_PORT: z.coerce
    .number()
    .int()
    .min(1, 'must be a port number (1-65535)')
    .max(65535, 'must be a port number (1-65535)')
    .default(Number(ENV_DEFAULTS.TELEGRAM_WEBHOOK_PORT)),
  TELEGRAM_WEBHOOK_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,256}$/, 'use 1-256 characters A-Z, a-z, 0-9, _ or -')
    .optional(),
  DASHBOARD_PORT: z
    .string()
    .regex(/^(off|\d{1,5})$/, 'must be a port number (1-65535, or 0 for any free one) or "off"')
    .refine((v) => v === 'off' || Number(v) <= 65535, 'must be a port number (1-65535, or 0 for any free one) or "off"')
    .default(ENV_DEFAULTS.DASHBOARD_PORT)
    .transform((v) => (v === 'off' ? ('off' as const) : Number(v))),
  DASHBOARD_HOST: z.string().min(1).default(ENV_DEFAULTS.DASHBOARD_HOST),
  DASHBOARD_PUBLIC_URL: z.url({ protocol: /^https?$/, error: 'must be the http(s) address admins open, e.g. https://rumorguard.example.com' }).optional(),
  DASHBOARD_DEBUNK_EDITORS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((e) => e.trim())
        .filter((e) => e !== ''),
    )
    .refine((list) => list.every((e) => e === '*' || /^[a-z]+:\S+$/.test(e)), 'list platform:userId entries separated by commas (e.g. telegram:12345), or *'),
  OPERATOR_IDS: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((e) => e.trim()).filter((e) => e !== ''))
    .refine((list) => list.every((e) => /^[a-z]+:\S+$/.test(e)), 'list platform:userId entries separated by commas (e.g. telegram:12345)'),
  DEBUNK_FEEDS: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((e) => e.trim()).filter((e) => e !== ''))
    .refine((list) => list.every((e) => /^[a-z0-9][a-z0-9_-]{0,39}=\S+$/.test(e)), 'list name=URL-or-file entries separated by commas (names: lowercase letters, digits, _ and -)')
    .transform((list) => list.map((e) => ({ name: e.slice(0, e.indexOf('=')), source: e.slice(e.indexOf('=') + 1) }))),
  DEBUNK_FEED_MINUTES: z.coerce.number().int().min(1, 'at least 1 minute').max(7 * 24 * 60, 'at most a week').default(60),
  DEBUNKS_WATCH: z.enum(['on', 'off']).default('on'),
  OCR: z.enum(['on', 'off']).default('on'),
  OCR_WORKERS: whole('OCR_WORKERS', 1, 64),
  OCR_MAX_BYTES: whole('OCR_MAX_BYTES', 1_000, 100_000_000),
  OCR_MAX_PIXELS: whole('OCR_MAX_PIXELS', 10_000, 200_000_000),
  OCR_TIMEOUT_MS: whole('OCR_TIMEOUT_MS', 100, 600_000),
  OCR_QUEUE_PER_GROUP: whole('OCR_QUEUE_PER_GROUP', 1, 1_000),
  REVIEW_SHARES: z.enum(['all', 'operators']).default('all'),
});

/** A whole number within bounds, given as text, defaulting to its ENV_DEFAULTS value. */
function whole(name: keyof typeof ENV_DEFAULTS, min: number, max: number) {
  return z
    .string()
    .regex(/^\d+$/, `must be a whole number from ${min} to ${max}`)
    .default(ENV_DEFAULTS[name])
    .transform(Number)
    .refine((n) => n >= min && n <= max, `must be a whole number from ${min} to ${max}`);
}

export type Env = z.output<typeof EnvSchema>;

/** Reads the environment; an invalid value is an error naming the variable and what it allows. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): { ok: true; env: Env } | { ok: false; error: string } {
  // Empty strings in .env mean "not set", as dotenv users expect.
  const present = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  // Inside a shard process discord.js's ShardingManager sets SHARDS to the shard's own id.
  if (source.SHARDING_MANAGER) delete present.SHARDS;
  const parsed = EnvSchema.safeParse(present);
  if (parsed.success) return { ok: true, env: parsed.data };
  const issue = parsed.error.issues[0]!;
  return { ok: false, error: `${issue.path.join('.')}: ${issue.message}` };
}
