import type { ActionIntent, RefutationContent } from './decision.js';
import { actionList, agoText, alertClaim, durationText, render, sourceLine, type TemplateName, verdictName } from './templates.js';

/** The refutation as plain text: an answer to a question, a correction otherwise. */
export function refutationText(r: RefutationContent): string {
  return render(r.language, r.stance === 'question' ? 'answer' : 'refutation', {
    verdict: verdictName(r.language, r.verdict),
    refutation: r.refutation,
    source: sourceLine(r),
  }, r.traditional);
}

/**
 * What an action says, as plain text in the decision's language, every value neutralized (no
 * mentions, no control characters). The console and `check` show it as it is; the chat platforms
 * escape it for their format. Undefined for actions that say nothing (log).
 */
export function intentText(intent: ActionIntent): string | undefined {
  const lang = intent.language;
  const say = (name: TemplateName, values: Record<string, string | number>) => render(lang, name, values, intent.traditional);
  switch (intent.type) {
    case 'reply_refutation':
      // Several rumors in one message: their refutations one after another, in one reply.
      return [intent.refutation, ...(intent.also ?? [])].map(refutationText).join('\n\n');
    case 'suggest_check':
      return say('suggest', { verdict: verdictName(lang, intent.verdict), claim: intent.claim });
    case 'pointer': {
      const ago = agoText(lang, intent.answeredMsAgo);
      // A member who asked gets the answer's gist with the link, kindly, as a question is answered.
      if (intent.asked) {
        const verdict = verdictName(lang, intent.verdict);
        return intent.link ? say('pointerAsked', { verdict, link: intent.link, ago }) : say('pointerAskedNoLink', { verdict, ago });
      }
      return intent.link ? say('pointer', { link: intent.link, ago }) : say('pointerNoLink', { ago });
    }
    case 'warn':
      return say('warning', { name: intent.memberName, n: intent.strikes, days: intent.decayDays });
    case 'mute':
      return say('mute', { name: intent.memberName, duration: durationText(lang, intent.durationMs) });
    case 'delete':
      return say('delete', {});
    case 'alert_owners':
      return say('alert', {
        name: intent.memberName,
        claim: alertClaim(intent.claim),
        debunk: intent.debunkId,
        score: intent.score.toFixed(2),
        n: intent.strikes,
        actions: actionList(lang, intent.planned),
      });
    case 'log':
      return undefined;
  }
}
