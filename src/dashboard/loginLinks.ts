import { createHash, randomBytes } from 'node:crypto';
import type { Language } from '../engine/templates.js';
import type { KeyValueStore } from '../store/keyValueStore.js';
import { storeKey } from '../store/storeKey.js';

/** How long a login link works: long enough to open it, short enough that a forwarded one is dead. */
export const LINK_TTL_MS = 10 * 60_000;

/** Who asked `/rg dashboard`, in which group: what a login link stands for. */
export interface LinkRequest {
  platform: string;
  user: { id: string; name: string };
  /** The group the command was sent in: the first one the dashboard opens. */
  groupId: string;
  /** The group's name on the platform, where the adapter knows it. */
  groupTitle?: string;
  /** The admin's language: the dashboard opens in it. */
  lang: Language;
}

export interface IssuedLink extends LinkRequest {
  expiresAt: number;
}

/** Why a link does not log anyone in. */
export type LinkRefusal = 'unknown' | 'expired';

/** The token as stored: its hash, so whoever reads the store cannot log in with it. */
const linkKey = (token: string) => storeKey('dashboard', 'link', createHash('sha256').update(token).digest('hex'));

/** A token has 256 random bits; anything else in the URL is refused before the store is asked. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * Single-use login links for the dashboard, kept in the shared store (any bot process can issue
 * one and any can redeem it). A link is redeemed by an atomic update that deletes it, so of two
 * redemptions at once, one gets it.
 */
export class LoginLinks {
  constructor(
    private readonly store: KeyValueStore,
    /** The dashboard's address as people reach it (DASHBOARD_PUBLIC_URL), without a trailing slash. */
    public baseUrl: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** A new link for an admin; the platform has checked that they are one. */
  async issue(request: LinkRequest): Promise<{ url: string; expiresAt: number }> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = this.now() + LINK_TTL_MS;
    const link: IssuedLink = { ...request, expiresAt };
    // The store forgets it a minute after it expires; until then "expired" is told from "unknown".
    await this.store.set(linkKey(token), link, LINK_TTL_MS + 60_000);
    return { url: `${this.baseUrl}/login/${token}`, expiresAt };
  }

  /** Is the token one that would log in now (without using it)? */
  async peek(token: string): Promise<{ ok: true; link: IssuedLink } | { ok: false; error: LinkRefusal }> {
    if (!TOKEN.test(token)) return { ok: false, error: 'unknown' };
    const link = await this.store.get<IssuedLink>(linkKey(token));
    if (!link) return { ok: false, error: 'unknown' };
    return link.expiresAt <= this.now() ? { ok: false, error: 'expired' } : { ok: true, link };
  }

  /** Uses the link up: it never works again, whatever the answer. */
  async redeem(token: string): Promise<{ ok: true; link: IssuedLink } | { ok: false; error: LinkRefusal }> {
    if (!TOKEN.test(token)) return { ok: false, error: 'unknown' };
    let found: IssuedLink | undefined;
    await this.store.update<IssuedLink>(linkKey(token), (current) => {
      found = current;
      return undefined;
    });
    if (!found) return { ok: false, error: 'unknown' };
    return found.expiresAt <= this.now() ? { ok: false, error: 'expired' } : { ok: true, link: found };
  }
}
