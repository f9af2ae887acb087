import type { Unmute } from '../../src/moderation/moderator.js';

/**
 * The playground's simulated mutes: whom a mute was carried out on, and until when. A pardon
 * lifts one through `lift` (the Unmute that Telegram's restriction and Discord's timeout have), so
 * `/rg pardon` answers here as it does on the platforms.
 */
export class ConsoleMutes {
  private readonly until = new Map<string, number>();

  /** @param now the clock the mutes run out by. @defaultValue Date.now */
  constructor(private readonly now: () => number = Date.now) {}

  /** A mute was carried out: the member is muted for `durationMs` from now. */
  mute(memberId: string, durationMs: number): void {
    this.until.set(memberId, this.now() + durationMs);
  }

  /** Lifts the member's mute: 'lifted' when one was still running, else 'not_muted'. */
  readonly lift: Unmute = async (memberId) => {
    const until = this.until.get(memberId);
    this.until.delete(memberId);
    return until !== undefined && until > this.now() ? 'lifted' : 'not_muted';
  };
}
