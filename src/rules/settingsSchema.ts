import { z } from 'zod';
import { SEVERITIES } from '../debunks/schema.js';
import { ACTION_TYPES, LADDER_ACTIONS, type LadderAction } from './actionTypes.js';
import { parseDuration } from './duration.js';

/** One action of a ladder step: `reply_refutation`, `warn`, `delete`, `alert_owners` or `mute 1h`. */
export interface StepAction {
  type: LadderAction;
  /** For `mute`: how long. */
  durationMs?: number;
}

const stepAction = z.string().transform((text, ctx): StepAction => {
  const [type, ...rest] = text.trim().split(/\s+/);
  if (type === 'mute') {
    const durationMs = parseDuration(rest.join(''));
    if (durationMs === undefined) {
      ctx.addIssue({ code: 'custom', message: `"mute" needs a duration such as "mute 1h" or "mute 30m" (got "${text}")` });
      return z.NEVER;
    }
    return { type: 'mute', durationMs };
  }
  if (rest.length > 0 || !(LADDER_ACTIONS as readonly string[]).includes(type ?? '')) {
    ctx.addIssue({
      code: 'custom',
      message: `must be one of ${LADDER_ACTIONS.filter((a) => a !== 'mute').join(', ')} or "mute <duration>" (got "${text}")`,
    });
    return z.NEVER;
  }
  return { type: type as LadderAction };
});

/** The escalation ladder: step N applies to a member's Nth active strike; the last step repeats. */
const ladder = z.array(z.array(stepAction).min(1, 'a step needs at least one action')).min(1, 'needs at least one step');

const ratio = z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1');

export const GroupSettingsSchema = z
  .strictObject({
    /**
     * `observe`: decide and log, but do nothing visible (how an owner tunes the bot);
     * `enforce`: carry out the enabled actions.
     */
    mode: z.enum(['observe', 'enforce']),
    /** Language of the bot's texts: `auto` follows each message's language. */
    language: z.enum(['auto', 'en', 'zh']),
    thresholds: z
      .strictObject({
        /** Below this score nothing happens; from it up to `act`, the incident is only logged. */
        suggest: ratio,
        /** From this score up, the ladder applies. */
        act: ratio,
        /**
         * From this score up, a member who *asks* whether the claim is true gets the refutation as
         * an answer (never a strike). It may sit below `act`: answering a question costs the member
         * nothing. Unset: `act`. Below `suggest` it acts from `suggest`.
         */
        answer: ratio.optional(),
      })
      // On the thresholds themselves, so it is checked even when other fields are wrong.
      // `answer` may sit below `suggest` too: nothing happens below `suggest` (see actAt), so an
      // owner who raises `suggest` is not refused over an `answer` they never set.
      .refine((t) => t.suggest <= t.act, { message: 'must not be above thresholds.act', path: ['suggest'] }),
    /** Between suggest and act, reply "you may want to check this" instead of staying silent. */
    softReply: z.boolean(),
    /**
     * `on`: the text in pictures (screenshots, forwarded notices) is read and checked like any
     * message, where the bot can read images (OCR installed); `off`: pictures are not read.
     */
    images: z.enum(['on', 'off']),
    /** Action types carried out in enforce mode; the others are decided and logged, not done. */
    enabledActions: z.array(z.enum(ACTION_TYPES)),
    ladder: z.strictObject({
      default: ladder,
      low: ladder.optional(),
      medium: ladder.optional(),
      high: ladder.optional(),
    }),
    strikes: z.strictObject({
      /** A strike stops counting after this many days. */
      decayDays: z.number().positive('must be more than 0').max(3650, 'at most 3650 days'),
    }),
    exemptions: z.strictObject({
      /** Group admins are never warned or muted. */
      admins: z.boolean(),
      members: z.array(z.string()),
      roles: z.array(z.string()),
      channels: z.array(z.string()),
      /** Exempt members still get the refutation reply (nobody is punished, the facts are shown). */
      showRefutation: z.boolean(),
    }),
    repeat: z.strictObject({
      /** The same debunk in the same group within this window is refuted once. */
      windowMinutes: z.number().min(0).max(7 * 24 * 60, 'at most a week'),
      /** What later posts in the window get: a short pointer to the first reply, or nothing. */
      later: z.enum(['pointer', 'silent']),
    }),
    /** Member ids told about incidents in addition to the platform's group admins. */
    owners: z.array(z.string()),
    /** Member reports: tell the reporter when the admins reject their report (privately). @defaultValue false */
    review: z.strictObject({ tellReporter: z.boolean().default(false) }).default({ tellReporter: false }),
    /**
     * Count this group's unknown rumors (reported or forwarded messages, as hashes) towards the
     * operator's cross-group alert. @defaultValue true
     */
    spread: z.strictObject({ share: z.boolean().default(true) }).default({ share: true }),
    /** A weekly digest to the group's owners. @defaultValue false */
    digest: z.strictObject({ weekly: z.boolean().default(false) }).default({ weekly: false }),
  });

export type GroupSettings = z.output<typeof GroupSettingsSchema>;
export type Ladder = GroupSettings['ladder']['default'];

/** The ladder for a severity: its own if the rules give one, else the default. */
export function ladderFor(settings: GroupSettings, severity: (typeof SEVERITIES)[number]): Ladder {
  return settings.ladder[severity] ?? settings.ladder.default;
}
