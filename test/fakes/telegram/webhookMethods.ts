import { BotApiError, badRequest } from './botApiError.js';
import type { MethodTable } from './botApiCalls.js';
import { HOOK_PATH } from './emulatorRelay.js';
import type { FakeState } from './fakeState.js';
import { webhookFromParams } from './webhook.js';

/** The Bot API methods about how updates reach the bot: the webhook, and getUpdates refused. */
export function webhookMethods(state: Pick<FakeState, 'apiRoot' | 'emulator' | 'delivery'>): MethodTable {
  const { apiRoot, emulator, delivery } = state;
  return {
    setWebhook: (params): true => {
      delivery.webhook = webhookFromParams(params);
      // Member messages reach the bot through the emulator, which POSTs them to the hook.
      emulator.setWebhook(`${apiRoot}${HOOK_PATH}`);
      return true;
    },
    deleteWebhook: (): true => {
      delivery.webhook = undefined;
      emulator.deleteWebhook();
      return true;
    },
    getWebhookInfo: (): Record<string, unknown> => ({ url: delivery.webhook?.url ?? '', has_custom_certificate: false, pending_update_count: 0 }),
    getUpdates: (): never => {
      if (delivery.webhook) {
        throw new BotApiError(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
      }
      throw badRequest('method not found (the fake delivers updates by webhook only)');
    },
  };
}
