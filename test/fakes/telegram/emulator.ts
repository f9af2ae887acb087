import { TelegramServer } from 'telegram-test-api/lib/telegramServer.js';
import { freePort } from './freePort.js';
import { postJson } from './postJson.js';
import type { ApiParams } from './types.js';

/** The emulator forgets stored messages after this many seconds; an hour outlasts any test. */
const EMULATOR_STORE_SECONDS = 3600;

/** The telegram-test-api emulator behind the fake, and the bot token the fake uses with it. */
export class EmulatorLink {
  private constructor(
    readonly server: TelegramServer,
    readonly token: string,
  ) {}

  /**
   * The emulator must be told its port (it turns port 0 into 9000), so pick a free one, and
   * pick again if someone took it in between.
   */
  static async start(token: string): Promise<EmulatorLink> {
    for (let attempt = 1; ; attempt++) {
      const server = new TelegramServer({ port: await freePort(), host: '127.0.0.1', storeTimeout: EMULATOR_STORE_SECONDS });
      try {
        await server.start();
        return new EmulatorLink(server, token);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || attempt >= 5) throw error;
      }
    }
  }

  /** Call a method on the emulator as the bot and return its (not Bot-API-shaped) answer. */
  async forward(method: string, params: ApiParams): Promise<Record<string, unknown>> {
    const answer = await postJson(`${this.server.config.apiURL}/bot${this.token}/${method}`, params);
    const body = JSON.parse(answer.text) as Record<string, unknown>;
    if (answer.status !== 200 || body.ok !== true) throw new Error(`telegram-test-api refused ${method}: HTTP ${answer.status} ${answer.text}`);
    return body;
  }

  /** Have the emulator POST the updates it makes to `url`. */
  setWebhook(url: string): void {
    this.server.setWebhook({ url }, this.token);
  }

  deleteWebhook(): void {
    this.server.deleteWebhook(this.token);
  }
}
