import type { Logger } from '../lib/logger.js';
import type { ReviewPort } from '../review/reviewPort.js';

/**
 * Tells the bot's operators (OPERATOR_IDS, `platform:userId`) about things no single group owns:
 * a broken debunk file, a failing feed, an unknown rumor spreading across groups. Always logged;
 * sent privately through the platform's review port where one is connected.
 */
export class OperatorAlerts {
  /** Alerts sent so far (for the dashboard and tests), newest last, bounded. */
  readonly recent: { at: number; text: string }[] = [];

  constructor(
    private readonly operatorIds: readonly string[],
    private readonly ports: ReadonlyMap<string, ReviewPort>,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  /** Logs the alert and sends it to every operator on a connected platform; resolves with how many got it. */
  async alert(kind: string, text: string): Promise<number> {
    this.log.warn({ alert: kind }, `operator alert: ${text}`);
    this.recent.push({ at: this.now(), text });
    if (this.recent.length > 100) this.recent.shift();
    let sent = 0;
    await Promise.all(
      this.operatorIds.map(async (entry) => {
        const colon = entry.indexOf(':');
        const port = this.ports.get(entry.slice(0, colon));
        if (!port) return;
        const attempt = await port.tellPrivately(entry.slice(colon + 1), text).catch((error: unknown) => ({ status: 'failed' as const, error: String(error) }));
        if (attempt.status === 'done') sent++;
        else this.log.warn({ operator: entry, attempt }, 'operator alert not delivered');
      }),
    );
    return sent;
  }
}
