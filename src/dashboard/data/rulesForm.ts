import type { SettingsOverride } from '../../engine/mergeSettings.js';
import { SWITCHABLE_ACTIONS } from '../../rules/actionTypes.js';
import type { GroupSettings, Ladder } from '../../rules/settingsSchema.js';
import { formText } from './formText.js';

/** The rules form's fields, by the settings path each one edits (problems are named by it). */
export const RULE_FIELDS = [
  'mode',
  'language',
  'thresholds.suggest',
  'thresholds.act',
  'thresholds.answer',
  'softReply',
  'enabledActions',
  'ladder.default',
  'ladder.low',
  'ladder.medium',
  'ladder.high',
  'strikes.decayDays',
  'repeat.windowMinutes',
  'repeat.later',
  'exemptions.admins',
  'exemptions.members',
  'exemptions.roles',
  'exemptions.channels',
  'exemptions.showRefutation',
  'owners',
] as const;
export type RuleField = (typeof RULE_FIELDS)[number];

/** The form as submitted: each field's text (checkboxes: present or not; action boxes: a list). */
export type RulesFormValues = Partial<Record<Exclude<RuleField, 'enabledActions'>, string>> & { enabledActions?: string[] };

/** Actions the form offers to switch (see SWITCHABLE_ACTIONS). */
export const SWITCHABLE = SWITCHABLE_ACTIONS;

/** A ladder as the rules file writes it: one step a line, "reply_refutation, mute 1h". */
function ladderText(ladder: Ladder | undefined): string {
  if (!ladder) return '';
  return ladder.map((step) => step.map((a) => (a.type === 'mute' ? `mute ${durationText(a.durationMs ?? 0)}` : a.type)).join(', ')).join('\n');
}

function durationText(ms: number): string {
  const minutes = ms / 60_000;
  if (minutes % (60 * 24) === 0) return `${minutes / (60 * 24)}d`;
  if (minutes % 60 === 0) return `${minutes / 60}h`;
  return `${minutes}m`;
}

/** The group's settings as the form shows them. */
export function settingsToForm(s: GroupSettings): RulesFormValues {
  return {
    mode: s.mode,
    language: s.language,
    'thresholds.suggest': String(s.thresholds.suggest),
    'thresholds.act': String(s.thresholds.act),
    // Unset, questions are answered from the act threshold.
    'thresholds.answer': s.thresholds.answer === undefined ? '' : String(s.thresholds.answer),
    ...(s.softReply ? { softReply: 'on' } : {}),
    enabledActions: s.enabledActions.filter((a) => a !== 'log'),
    'ladder.default': ladderText(s.ladder.default),
    'ladder.low': ladderText(s.ladder.low),
    'ladder.medium': ladderText(s.ladder.medium),
    'ladder.high': ladderText(s.ladder.high),
    'strikes.decayDays': String(s.strikes.decayDays),
    'repeat.windowMinutes': String(s.repeat.windowMinutes),
    'repeat.later': s.repeat.later,
    ...(s.exemptions.admins ? { 'exemptions.admins': 'on' } : {}),
    'exemptions.members': s.exemptions.members.join('\n'),
    'exemptions.roles': s.exemptions.roles.join('\n'),
    'exemptions.channels': s.exemptions.channels.join('\n'),
    ...(s.exemptions.showRefutation ? { 'exemptions.showRefutation': 'on' } : {}),
    owners: s.owners.join('\n'),
  };
}

/** Reads a submitted form body into the form's values (a single checkbox arrives as a string). */
export function readRulesForm(body: Record<string, unknown>): RulesFormValues {
  const values: RulesFormValues = {};
  for (const field of RULE_FIELDS) {
    const v = body[field];
    if (field === 'enabledActions') {
      values.enabledActions = (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((a): a is string => typeof a === 'string');
    } else if (typeof v === 'string') {
      values[field as Exclude<RuleField, 'enabledActions'>] = formText(v);
    }
  }
  return values;
}

const lines = (text: string | undefined) =>
  (text ?? '')
    .split(/[\r\n]+/)
    .map((l) => l.trim())
    .filter((l) => l !== '');

/**
 * The form as a settings override, in the rules file's own shapes (ladder steps as "mute 1h"
 * strings), for the engine to validate exactly as it validates the file and `/rg` commands.
 * Only what cannot even be put into that shape is a problem here: a number field holding
 * something that is not a number.
 */
export function formToOverride(form: RulesFormValues): { override: SettingsOverride; problems: Map<RuleField, string> } {
  const problems = new Map<RuleField, string>();
  const number = (field: Exclude<RuleField, 'enabledActions'>): number | undefined => {
    const text = (form[field] ?? '').trim();
    const n = Number(text);
    if (text === '' || !Number.isFinite(n)) {
      problems.set(field, `must be a number (got "${text}")`);
      return undefined;
    }
    return n;
  };
  const ladder = (field: Exclude<RuleField, 'enabledActions'>) => {
    const steps = lines(form[field]).map((l) =>
      l
        .split(/[,，]/)
        .map((a) => a.trim())
        .filter((a) => a !== ''),
    );
    return steps;
  };
  const optionalLadder = (field: Exclude<RuleField, 'enabledActions'>) => {
    const steps = ladder(field);
    // Empty: no ladder of its own; `undefined` removes one stored before (the default applies).
    return steps.length > 0 ? steps : undefined;
  };
  const override: SettingsOverride = {
    mode: form.mode,
    language: form.language,
    // Left empty, the answer threshold is the rules file's (else the act threshold), as when never set.
    thresholds: { suggest: number('thresholds.suggest'), act: number('thresholds.act'), answer: (form['thresholds.answer'] ?? '').trim() === '' ? undefined : number('thresholds.answer') },
    softReply: form.softReply !== undefined,
    // log is not offered: it is always on.
    enabledActions: [...new Set([...(form.enabledActions ?? []), 'log'])],
    ladder: { default: ladder('ladder.default'), low: optionalLadder('ladder.low'), medium: optionalLadder('ladder.medium'), high: optionalLadder('ladder.high') },
    strikes: { decayDays: number('strikes.decayDays') },
    repeat: { windowMinutes: number('repeat.windowMinutes'), later: form['repeat.later'] },
    exemptions: {
      admins: form['exemptions.admins'] !== undefined,
      members: lines(form['exemptions.members']),
      roles: lines(form['exemptions.roles']),
      channels: lines(form['exemptions.channels']),
      showRefutation: form['exemptions.showRefutation'] !== undefined,
    },
    owners: lines(form.owners),
  };
  return { override, problems };
}

/**
 * The engine's problems ("thresholds.suggest: must not be above thresholds.act",
 * "ladder.default[1][0]: …") by the form field they belong to; problems of no field go under ''.
 */
export function problemsByField(problems: readonly string[]): Map<RuleField | '', string[]> {
  const byField = new Map<RuleField | '', string[]>();
  for (const problem of problems) {
    const field = [...RULE_FIELDS].sort((a, b) => b.length - a.length).find((f) => problem === f || problem.startsWith(`${f}:`) || problem.startsWith(`${f}[`) || problem.startsWith(`${f}.`));
    const key = field ?? '';
    byField.set(key, [...(byField.get(key) ?? []), field ? fieldMessage(problem.slice(field.length)) : problem]);
  }
  return byField;
}

/** ": must be …" → "must be …"; a list's "[1][0]: …" → "line 2: …" (the form writes one item a line). */
function fieldMessage(rest: string): string {
  const item = /^\[(\d+)\](?:\[\d+\])*:\s*(.*)$/s.exec(rest);
  if (item) return `line ${Number(item[1]) + 1}: ${item[2]}`;
  return rest.replace(/^:\s*/, '');
}

/** The hidden field that carries the form's values as the page showed them (see changedFields). */
export const BASE_FIELD = 'base';

/** The form's values as JSON, for BASE_FIELD. */
export const baseOf = (form: RulesFormValues): string => JSON.stringify(form);

/** The values BASE_FIELD carries, or undefined when it is missing or not the form's (then every field counts as changed). */
export function readBase(body: Record<string, unknown>): RulesFormValues | undefined {
  const raw = body[BASE_FIELD];
  if (typeof raw !== 'string') return undefined;
  try {
    const parsed: unknown = JSON.parse(raw);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? readRulesForm(parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const sameValue = (a: string | readonly string[] | undefined, b: string | readonly string[] | undefined): boolean =>
  Array.isArray(a) && Array.isArray(b) ? a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n') : a === b;

/**
 * The submitted form laid over the group's settings as they are now: a field the admin left as the
 * page showed it (`base`) keeps its current value, so a change made meanwhile by a chat command or
 * another admin's save is not undone by a form opened before it. Without a base, the form is taken
 * whole, as before.
 */
export function mergeIntoCurrent(submitted: RulesFormValues, base: RulesFormValues | undefined, current: RulesFormValues): { form: RulesFormValues; changed: RuleField[] } {
  if (!base) return { form: submitted, changed: [...RULE_FIELDS] };
  const form: RulesFormValues = { ...current };
  const changed: RuleField[] = [];
  for (const field of RULE_FIELDS) {
    if (sameValue(submitted[field], base[field])) continue;
    changed.push(field);
    if (field === 'enabledActions') form.enabledActions = submitted.enabledActions ?? [];
    else {
      const value = submitted[field];
      if (value === undefined) delete form[field];
      else form[field] = value;
    }
  }
  return { form, changed };
}
