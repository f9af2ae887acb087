import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Language } from '../engine/templates.js';
import type { KeyValueStore } from '../store/keyValueStore.js';
import { storeKey } from '../store/storeKey.js';
import type { GroupRef } from './adminDirectory.js';

/** A session ends this long after its login, however busy. */
export const SESSION_TTL_MS = 12 * 60 * 60_000;
/** The platform is asked again whether the admin still administers their groups after this long. */
export const RECHECK_AFTER_MS = 60 * 60_000;

/** What a logged-in admin's cookie stands for. */
export interface Session {
  platform: string;
  user: { id: string; name: string };
  lang: Language;
  /** The groups the platform said they administer, at `checkedAt`. */
  groups: GroupRef[];
  createdAt: number;
  checkedAt: number;
  /** Every form carries it; a POST without it is refused. */
  csrf: string;
  /** What the last change did, shown once on the page it led to. */
  flash?: { kind: 'ok' | 'bad'; text: string };
}

const sessionKey = (id: string) => storeKey('dashboard', 'session', createHash('sha256').update(id).digest('hex'));
const SESSION_ID = /^[A-Za-z0-9_-]{43}$/;

/**
 * Dashboard sessions in the shared store, under the hash of their id (the cookie), so a copy of
 * the store logs nobody in. They expire SESSION_TTL_MS after login.
 */
export class Sessions {
  constructor(
    private readonly store: KeyValueStore,
    private readonly now: () => number = Date.now,
  ) {}

  async create(data: Omit<Session, 'createdAt' | 'checkedAt' | 'csrf'>): Promise<{ id: string; session: Session }> {
    const id = randomBytes(32).toString('base64url');
    const now = this.now();
    const session: Session = { ...data, createdAt: now, checkedAt: now, csrf: randomBytes(32).toString('base64url') };
    await this.store.set(sessionKey(id), session, SESSION_TTL_MS);
    return { id, session };
  }

  async get(id: string | undefined): Promise<Session | undefined> {
    if (!id || !SESSION_ID.test(id)) return undefined;
    const session = await this.store.get<Session>(sessionKey(id));
    if (!session || this.now() - session.createdAt >= SESSION_TTL_MS) return undefined;
    return session;
  }

  /** Stores a changed session (language, rechecked groups) for the rest of its lifetime. */
  async save(id: string, session: Session): Promise<void> {
    const left = SESSION_TTL_MS - (this.now() - session.createdAt);
    if (left > 0) await this.store.set(sessionKey(id), session, left);
  }

  async destroy(id: string): Promise<void> {
    await this.store.delete(sessionKey(id));
  }

  /** Is the session old enough that its groups must be checked with the platform again? */
  needsRecheck(session: Session): boolean {
    return this.now() - session.checkedAt >= RECHECK_AFTER_MS;
  }
}

/** Compares a form's CSRF token with the session's in constant time. */
export function csrfMatches(session: Session, given: unknown): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(session.csrf);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
