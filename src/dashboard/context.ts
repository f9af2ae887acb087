import type { ChatMember } from '../engine/chatMessage.js';
import type { Ledger } from '../ledger/ledger.js';
import type { Logger } from '../lib/logger.js';
import type { Moderator } from '../moderation/moderator.js';
import type { KeyValueStore } from '../store/keyValueStore.js';
import type { AdminDirectory, GroupRef } from './adminDirectory.js';
import type { DebunkEditor } from './data/debunkEditor.js';
import type { LoginLinks } from './loginLinks.js';
import type { Session, Sessions } from './sessions.js';
import type { Translate } from './texts.js';

/** What every route shares. */
export interface DashboardContext {
  moderator: Moderator;
  ledger: Ledger;
  store: KeyValueStore;
  links: LoginLinks;
  sessions: Sessions;
  directories: Map<string, AdminDirectory>;
  /** Writes to the shared debunk database; absent, the database is read-only here. */
  editor?: DebunkEditor;
  /** May this admin change the shared debunk database? */
  mayEditDebunks: (session: Session) => boolean;
  /** Cookies get `Secure` (the dashboard is reached over https). */
  secureCookies: boolean;
  now: () => number;
  log: Logger;
}

/** A request inside a group's pages, once the session and the group were checked. */
export interface GroupRequestContext {
  sessionId: string;
  session: Session;
  group: GroupRef;
  t: Translate;
  /** The admin as the core's commands take them: checked with the platform. */
  admin: ChatMember;
}
