import { describe, expect, it } from 'vitest';
import { deliveryFromEnv } from '../../../adapters/telegram/runTelegram.js';
import { readEnv } from '../../../src/config/env.js';

const env = (source: Record<string, string>) => {
  const r = readEnv(source);
  if (!r.ok) throw new Error(r.error);
  return r.env;
};

describe('deliveryFromEnv', () => {
  it('GIVEN no webhook URL THEN long polling', () => {
    expect(deliveryFromEnv(env({}))).toEqual({ kind: 'polling' });
  });

  it('GIVEN a webhook URL, port and secret THEN the webhook with them', () => {
    expect(deliveryFromEnv(env({ TELEGRAM_WEBHOOK_URL: 'https://bot.example.com/tg', TELEGRAM_WEBHOOK_PORT: '3000', TELEGRAM_WEBHOOK_SECRET: 's3cret_-X' }))).toEqual({
      kind: 'webhook',
      url: 'https://bot.example.com/tg',
      port: 3000,
      secretToken: 's3cret_-X',
    });
  });

  it('GIVEN no secret THEN a fresh random one Telegram accepts, different at every start', () => {
    const a = deliveryFromEnv(env({ TELEGRAM_WEBHOOK_URL: 'https://bot.example.com/tg' }));
    const b = deliveryFromEnv(env({ TELEGRAM_WEBHOOK_URL: 'https://bot.example.com/tg' }));
    expect(a.kind === 'webhook' && a.secretToken).toMatch(/^[A-Za-z0-9_-]{32,256}$/);
    expect(a.kind === 'webhook' && b.kind === 'webhook' && a.secretToken !== b.secretToken).toBe(true);
  });
});
