import { describe, expect, it } from 'vitest';
import { loginCommand } from '../../adapters/startDashboard.js';

// Real-client QA: a Discord bot's start-up log told admins to log in with "/rg dashboard", a command Discord has not.
describe('the login command the start-up log names', () => {
  it.each([
    { env: { DISCORD_TOKEN: 'x' }, command: '/rumorguard dashboard' },
    { env: { TELEGRAM_BOT_TOKEN: 'x' }, command: '/rg dashboard' },
    { env: {}, command: '/rg dashboard' },
    { env: { DISCORD_TOKEN: 'x', TELEGRAM_BOT_TOKEN: 'y' }, command: '/rg dashboard (Telegram) or /rumorguard dashboard (Discord)' },
  ])('GIVEN $env THEN "$command"', ({ env, command }) => {
    expect(loginCommand(env)).toBe(command);
  });
});
