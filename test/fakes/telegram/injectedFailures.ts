import type { ApiErrorBody } from './types.js';

/** Errors a test queued with `failNext`, per method; method names are case-insensitive, as at Telegram. */
export class InjectedFailures {
  private readonly queues = new Map<string, { error: ApiErrorBody; remaining: number }[]>();

  /** Fail the next `times` calls of `method` with `error`, after any failures queued before. */
  add(method: string, error: ApiErrorBody, times: number): void {
    const key = method.toLowerCase();
    const queue = this.queues.get(key) ?? [];
    queue.push({ error: structuredClone(error), remaining: times });
    this.queues.set(key, queue);
  }

  /** The error this call of `method` must fail with, if one is queued; uses it up. */
  take(method: string): ApiErrorBody | undefined {
    const queue = this.queues.get(method.toLowerCase());
    const next = queue?.[0];
    if (!queue || !next) return undefined;
    next.remaining -= 1;
    if (next.remaining <= 0) queue.shift();
    return structuredClone(next.error);
  }
}
