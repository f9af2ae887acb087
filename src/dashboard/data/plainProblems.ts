import type { TextKey, Translate } from '../texts.js';

/**
 * The engine's and the debunk loader's problems ("must not be above thresholds.act",
 * "line 2: must be one of …") as the dashboard says them: in the page's language, and in plain
 * words rather than the settings' field paths. The rules file, `/rg` and the CLI keep their own
 * wording (a file's author knows its field names). A problem not known here is shown as it is.
 */
type Reword = (m: RegExpExecArray, t: Translate) => string;

/** The settings' field paths that problems name, as the rules form labels them. */
const SETTING_LABELS: Readonly<Record<string, TextKey>> = {
  mode: 'mode',
  language: 'language',
  'thresholds.suggest': 'thresholdSuggest',
  'thresholds.act': 'thresholdAct',
  'thresholds.answer': 'thresholdAnswer',
  softReply: 'softReply',
  enabledActions: 'enabledActions',
  'ladder.default': 'ladderDefault',
  'ladder.low': 'ladderLow',
  'ladder.medium': 'ladderMedium',
  'ladder.high': 'ladderHigh',
  'strikes.decayDays': 'decayDays',
  'repeat.windowMinutes': 'repeatWindow',
  'repeat.later': 'repeatLater',
  'exemptions.admins': 'exemptAdmins',
  'exemptions.members': 'exemptMembers',
  'exemptions.roles': 'exemptRoles',
  'exemptions.channels': 'exemptChannels',
  'exemptions.showRefutation': 'showRefutation',
  owners: 'owners',
};

/** In order: the first that matches rewords the problem. */
const REWORDINGS: readonly (readonly [RegExp, Reword])[] = [
  // A list's item, as rulesForm's problemsByField names it: the form writes one item a line.
  [/^line (\d+): (.*)$/s, (m, t) => t('problemLine', { n: m[1]!, problem: plainProblem(t, m[2]!) })],
  [/^must be a number \(got "(.*)"\)$/s, (m, t) => t('problemNumber', { value: m[1]! })],
  [/^must be between (\S+) and (\S+)$/, (m, t) => t('problemBetween', { min: m[1]!, max: m[2]! })],
  [/^must not be above thresholds\.act$/, (_m, t) => t('problemSuggestAboveAct')],
  // zod's own words for `min(0)` without a message of the schema's.
  [/^Too small: expected number to be >=0$/, (_m, t) => t('problemNotNegative')],
  [/^must be more than 0$/, (_m, t) => t('problemMoreThanZero')],
  [/^at most (\d+) days$/, (m, t) => t('problemAtMostDays', { n: m[1]! })],
  [/^at most a week$/, (_m, t) => t('problemAtMostWeek')],
  [/^must be one of (.*) or "mute <duration>" \(got "(.*)"\)$/s, (m, t) => t('problemLadderStep', { allowed: m[1]!, value: m[2]! })],
  [/^"mute" needs a duration such as "mute 1h" or "mute 30m" \(got "(.*)"\)$/s, (m, t) => t('problemMuteDuration', { value: m[1]! })],
  [/^must be one of (.*) \(got (.*)\)$/s, (m, t) => t('problemOneOf', { allowed: m[1]!, value: m[2]! })],
  [/^a step needs at least one action$/, (_m, t) => t('problemStepEmpty')],
  [/^needs at least one step$/, (_m, t) => t('problemLadderEmpty')],
  // The debunk schema's.
  [/^required$/, (_m, t) => t('problemRequired')],
  [/^must not be empty$/, (_m, t) => t('problemNotEmpty')],
  [/^must be an http:\/\/ or https:\/\/ address$/, (_m, t) => t('problemNotUrl')],
  [/^not a date \(YYYY-MM-DD\)$/, (_m, t) => t('problemNotDate')],
  [/^longer than (\d+) characters: keep refutations short$/, (m, t) => t('problemKeepShort', { n: m[1]! })],
  [/^longer than (\d+) characters: put the rumor in one or two sentences$/, (m, t) => t('problemOneOrTwoSentences', { n: m[1]! })],
  [/^longer than (\d+) characters$/, (m, t) => t('problemTooLong', { n: m[1]! })],
  [/^at most (\d+) variants$/, (m, t) => t('problemAtMostVariants', { n: m[1]! })],
  [/^needs at least one source$/, (_m, t) => t('problemNeedsSource')],
  [/^needs at least one language$/, (_m, t) => t('problemNeedsLanguage')],
  [/^use 1-80 lowercase letters, digits, "\.", "_" or "-"$/, (_m, t) => t('problemIdChars')],
  [/^not a language tag such as "en" or "zh"$/, (_m, t) => t('problemLanguageTag')],
  [/^unknown language (".*") \(the bot speaks (.*)\)$/s, (m, t) => t('problemUnknownLanguage', { value: m[1]!, langs: m[2]! })],
  // A problem of a setting the form has no place for (or the core's answer to a save): its label.
  [
    /^([A-Za-z]+(?:\.[A-Za-z]+)*): (.*)$/s,
    (m, t) => {
      const label = SETTING_LABELS[m[1]!];
      return label ? t('problemOfField', { field: t(label), problem: plainProblem(t, m[2]!) }) : m[0];
    },
  ],
];

/** One problem in the page's words (see REWORDINGS); several lines, each reworded. */
export function plainProblem(t: Translate, problem: string): string {
  if (problem.includes('\n')) return problem.split('\n').map((line) => plainProblem(t, line)).join('\n');
  for (const [pattern, reword] of REWORDINGS) {
    const m = pattern.exec(problem);
    if (m) return reword(m, t);
  }
  return problem;
}

/** Every problem of a form (by its field) in the page's words. */
export function plainProblems<K>(t: Translate, problems: ReadonlyMap<K, readonly string[]>): Map<K, string[]> {
  return new Map([...problems].map(([field, list]) => [field, list.map((p) => plainProblem(t, p))]));
}
