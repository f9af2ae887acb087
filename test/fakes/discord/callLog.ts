import type { RecordedCall } from './types.js';

/*
 * The REST calls in arrival order. A slot is reserved when a request arrives and filled when
 * it is answered, so a slow multipart upload does not change the order; tests waiting for a
 * call are woken when it is filled.
 */

/** What a call is looked up by: `'POST /channels/123/messages'` (real ids) or `'POST /channels/:channel/messages'` (template), or a RegExp tried on both. */
export type CallMatcher = string | RegExp;

/** True when `call` is what `matcher` names. */
export function callMatches(call: RecordedCall, matcher: CallMatcher): boolean {
  if (typeof matcher === 'string') return call.route === matcher || call.template === matcher;
  return matcher.test(call.route) || matcher.test(call.template);
}

interface Waiter {
  matcher: CallMatcher;
  nth: number;
  resolve: (call: RecordedCall) => void;
}

/** Recorded calls plus waiting for calls that have not happened yet. */
export class CallLog {
  private readonly slots: (RecordedCall | undefined)[] = [];
  private readonly waiters = new Set<Waiter>();

  /** Reserve the next slot for a request that just arrived. */
  reserve(): number {
    this.slots.push(undefined);
    return this.slots.length - 1;
  }

  /** Record the answered call in its slot and wake whoever waits for it. */
  fill(slot: number, call: RecordedCall): void {
    this.slots[slot] = call;
    for (const waiter of this.waiters) {
      const found = this.nthMatching(waiter.matcher, waiter.nth);
      if (found) {
        this.waiters.delete(waiter);
        waiter.resolve(found);
      }
    }
  }

  /** Answered calls in arrival order. */
  all(): RecordedCall[] {
    return this.slots.filter((call): call is RecordedCall => call !== undefined);
  }

  /** Answered calls matching `matcher`, in arrival order. */
  matching(matcher: CallMatcher): RecordedCall[] {
    return this.all().filter((call) => callMatches(call, matcher));
  }

  /**
   * The `nth` (1-based) call matching `matcher`, as soon as it has been answered.
   *
   * @throws Error after `timeoutMs`, listing the calls that did arrive.
   */
  async waitFor(matcher: CallMatcher, nth: number, timeoutMs: number): Promise<RecordedCall> {
    const found = this.nthMatching(matcher, nth);
    if (found) return found;
    return await new Promise<RecordedCall>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        const seen = this.all().map((call) => `${call.route} → ${call.status}`);
        reject(new Error(`no call #${nth} matching ${String(matcher)} within ${timeoutMs} ms; calls so far: ${seen.join(', ') || 'none'}`));
      }, timeoutMs);
      const waiter: Waiter = {
        matcher,
        nth,
        resolve: (call) => {
          clearTimeout(timer);
          resolve(call);
        },
      };
      this.waiters.add(waiter);
    });
  }

  private nthMatching(matcher: CallMatcher, nth: number): RecordedCall | undefined {
    return this.matching(matcher)[nth - 1];
  }
}
