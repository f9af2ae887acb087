import type { FailureResponse } from './types.js';

/*
 * Failures queued by `failNext`: the next matching requests get the canned answer instead of
 * the real handler. The oldest matching entry is used first.
 */

interface QueuedFailure {
  method: string;
  pattern: RegExp | string;
  response: FailureResponse;
  remaining: number;
}

/** Canned failures for upcoming requests. */
export class FailureQueue {
  private readonly queue: QueuedFailure[] = [];

  /**
   * Fail the next `times` requests with `method` whose path matches `pattern`: a RegExp is
   * tried on the real path (`/channels/123/messages`) and on the route pattern
   * (`/channels/:channel/messages`); a string must equal one of them.
   */
  add(method: string, pattern: RegExp | string, response: FailureResponse, times: number): void {
    if (times < 1) throw new Error('failNext: times must be at least 1');
    this.queue.push({ method: method.toUpperCase(), pattern, response: structuredClone(response), remaining: times });
  }

  /** The failure for this request, if one is queued (and count it as used). */
  take(method: string, path: string, routePattern: string | undefined): FailureResponse | undefined {
    const index = this.queue.findIndex((entry) => entry.method === method && matches(entry.pattern, path, routePattern));
    const entry = this.queue[index];
    if (!entry) return undefined;
    entry.remaining -= 1;
    if (entry.remaining === 0) this.queue.splice(index, 1);
    return structuredClone(entry.response);
  }

  /** Drop every queued failure. */
  clear(): void {
    this.queue.length = 0;
  }
}

function matches(pattern: RegExp | string, path: string, routePattern: string | undefined): boolean {
  if (typeof pattern === 'string') return pattern === path || pattern === routePattern;
  return pattern.test(path) || (routePattern !== undefined && pattern.test(routePattern));
}
