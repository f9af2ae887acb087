import type { Language } from '../../src/engine/templates.js';
import { MAX_OPEN_PER_MEMBER, type FeedbackResult } from '../../src/feedback/feedbackQueue.js';
import { fillTemplate } from '../../src/lib/fillTemplate.js';

/** Why a report or dispute was not queued, as Moderator.onFeedback says it. */
type Refusal = Extract<FeedbackResult, { ok: false }>['error'] | 'unavailable';

/** What the playground tells a member about their report or dispute (the platforms' texts, said in the chat). */
const FEEDBACK_TEXTS = {
  en: {
    queued: 'Thanks, {name}: the admins will look at it (item {id}).',
    reportedAlready: 'You reported this message already.',
    disputedAlready: 'You disputed this match already.',
    memberLimit: 'You have {n} reports or objections waiting for the admins already; please wait until they have looked at them.',
    queueFull: 'The admins\' review queue is full; please try again later.',
    unavailable: 'Reports are not taken here: there is no review queue.',
  },
  zh: {
    queued: '谢谢，{name}：管理员会审核（条目 {id}）。',
    reportedAlready: '你已经举报过这条消息。',
    disputedAlready: '你已经对这条提出过异议。',
    memberLimit: '你已有 {n} 条举报或异议在等待管理员审核，请等他们处理后再提交。',
    queueFull: '管理员的审核队列已满，请稍后再试。',
    unavailable: '这里不接受举报：没有审核队列。',
  },
} as const satisfies Record<Language, Record<string, string>>;

type FeedbackText = keyof (typeof FEEDBACK_TEXTS)['en'];

/** The text for each refusal; `not_found` is the queue's answer to resolving, never to adding. */
const REFUSALS = {
  duplicate: 'reportedAlready',
  member_limit: 'memberLimit',
  queue_full: 'queueFull',
  not_found: 'queueFull',
  unavailable: 'unavailable',
} as const satisfies Record<Refusal, FeedbackText>;

/** The playground's answer to `/report` or `/notrumor`, in words rather than the queue's codes. */
export function feedbackAnswer(
  lang: Language,
  kind: 'report' | 'not_a_rumor',
  result: FeedbackResult | { ok: false; error: 'unavailable' },
  memberName: string,
): string {
  const texts = FEEDBACK_TEXTS[lang];
  if (result.ok) return fillTemplate(texts.queued, { name: memberName, id: result.item.id });
  const key = result.error === 'duplicate' && kind === 'not_a_rumor' ? 'disputedAlready' : REFUSALS[result.error];
  return fillTemplate(texts[key], { n: MAX_OPEN_PER_MEMBER });
}
