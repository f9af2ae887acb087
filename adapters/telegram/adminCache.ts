import type { ChatMember } from 'telegraf/types';

/** How long a group's admin list is trusted: promotions and demotions take effect within it. */
export const ADMIN_CACHE_MS = 60_000;
/** Groups remembered at once: memory stays bounded however many groups the bot is in. */
const MAX_GROUPS = 5_000;

interface Entry {
  admins: ReadonlyMap<number, ChatMember>;
  at: number;
}

/**
 * Who administers each group, from getChatAdministrators, briefly cached. One call per group per
 * minute however busy it is; concurrent lookups share one call.
 */
export class AdminCache {
  private readonly entries = new Map<number, Entry>();
  private readonly inFlight = new Map<number, Promise<Entry>>();

  constructor(
    private readonly fetchAdmins: (chatId: number) => Promise<readonly ChatMember[]>,
    private readonly now: () => number = Date.now,
  ) {}

  /** The admins of a chat (creator and administrators). */
  async admins(chatId: number): Promise<ReadonlyMap<number, ChatMember>> {
    const cached = this.entries.get(chatId);
    if (cached && this.now() - cached.at < ADMIN_CACHE_MS) return cached.admins;
    let pending = this.inFlight.get(chatId);
    if (!pending) {
      pending = this.load(chatId).finally(() => this.inFlight.delete(chatId));
      this.inFlight.set(chatId, pending);
    }
    return (await pending).admins;
  }

  async isAdmin(chatId: number, userId: number): Promise<boolean> {
    return (await this.admins(chatId)).has(userId);
  }

  /** Forgets a chat, e.g. after a chat_member update changed its admins. */
  forget(chatId: number): void {
    this.entries.delete(chatId);
  }

  private async load(chatId: number): Promise<Entry> {
    const list = await this.fetchAdmins(chatId);
    const entry = { admins: new Map(list.map((m) => [m.user.id, m])), at: this.now() };
    if (this.entries.size >= MAX_GROUPS) this.entries.delete(this.entries.keys().next().value!);
    this.entries.delete(chatId); // re-insert: Map order is age order for eviction
    this.entries.set(chatId, entry);
    return entry;
  }
}
