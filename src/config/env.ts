import { z } from 'zod';
import { DEFAULT_STORE_URL, parseStoreUrl } from '../store/storeUrl.js';

/**
 * Every environment variable RumorGuard reads, with its default. `.env.example` documents the
 * same list; a test keeps the two in step.
 */
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
  /** pino log level: fatal, error, warn, info, debug, trace or silent. */
  LOG_LEVEL: 'info',
  /** Discord bot token; when set, `npm start` connects to Discord. */
  DISCORD_TOKEN: '',
  /** Telegram bot token from BotFather; when set, `npm start` connects to Telegram. */
  TELEGRAM_BOT_TOKEN: '',
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
  SPOOL_FILE: z.string().min(1).default(ENV_DEFAULTS.SPOOL_FILE),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DISCORD_TOKEN: z.string().default(''),
  TELEGRAM_BOT_TOKEN: z.string().default(''),
});

export type Env = z.output<typeof EnvSchema>;

/** Reads the environment; an invalid value is an error naming the variable and what it allows. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): { ok: true; env: Env } | { ok: false; error: string } {
  // Empty strings in .env mean "not set", as dotenv users expect.
  const present = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (parsed.success) return { ok: true, env: parsed.data };
  const issue = parsed.error.issues[0]!;
  return { ok: false, error: `${issue.path.join('.')}: ${issue.message}` };
}
