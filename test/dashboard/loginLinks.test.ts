import { describe, expect, it } from 'vitest';
import { LINK_TTL_MS, LoginLinks } from '../../src/dashboard/loginLinks.js';
import { memoryStore } from '../../src/store/keyvStore.js';

const REQUEST = { platform: 'telegram', user: { id: '7', name: 'Ann' }, groupId: '-100', lang: 'en' } as const;
const tokenOf = (url: string) => url.split('/').at(-1)!;

describe('LoginLinks', () => {
  it('GIVEN a link THEN it points at the dashboard, logs in once, and never again', async () => {
    const links = new LoginLinks(memoryStore(), 'https://rg.example.com');
    const { url } = await links.issue(REQUEST);
    expect(url).toMatch(/^https:\/\/rg\.example\.com\/login\/[A-Za-z0-9_-]{43}$/);
    expect(await links.peek(tokenOf(url))).toMatchObject({ ok: true });
    expect(await links.redeem(tokenOf(url))).toMatchObject({ ok: true, link: { ...REQUEST } });
    expect(await links.redeem(tokenOf(url))).toEqual({ ok: false, error: 'unknown' });
  });

  it('GIVEN two redemptions of one link at once THEN exactly one logs in', async () => {
    const links = new LoginLinks(memoryStore(), 'http://127.0.0.1:8787');
    const token = tokenOf((await links.issue(REQUEST)).url);
    const results = await Promise.all(Array.from({ length: 5 }, () => links.redeem(token)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });

  it('GIVEN a link older than ten minutes THEN it is expired, and used up by the attempt', async () => {
    let now = Date.UTC(2026, 0, 1);
    const links = new LoginLinks(memoryStore(), 'http://127.0.0.1:8787', () => now);
    const token = tokenOf((await links.issue(REQUEST)).url);
    now += LINK_TTL_MS - 1;
    expect(await links.peek(token)).toMatchObject({ ok: true });
    now += 1;
    expect(await links.peek(token)).toEqual({ ok: false, error: 'expired' });
    expect(await links.redeem(token)).toEqual({ ok: false, error: 'expired' });
    expect(await links.redeem(token)).toEqual({ ok: false, error: 'unknown' });
  });

  it.each(['', 'short', '../../etc/passwd', 'a'.repeat(44)])('GIVEN the token %j THEN it is refused without a look in the store', async (token) => {
    const links = new LoginLinks(memoryStore(), 'http://127.0.0.1:8787');
    expect(await links.redeem(token)).toEqual({ ok: false, error: 'unknown' });
  });
});
