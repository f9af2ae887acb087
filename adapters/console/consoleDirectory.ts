import type { AdminDirectory } from '../../src/dashboard/adminDirectory.js';
import type { ConsoleMutes } from './consoleMutes.js';

/** The playground's one group and its admin (the member who may run `/rg`). */
export const PLAYGROUND_GROUP = { id: 'console', title: 'Playground', platform: 'console' } as const;
export const PLAYGROUND_OWNER = 'owner';

/** The playground's answer to "who administers what": its owner, the console group. */
export const consoleDirectory: AdminDirectory = {
  platform: 'console',
  isAdmin: async (userId, groupId) => userId === PLAYGROUND_OWNER && groupId === PLAYGROUND_GROUP.id,
  groupsOf: async (userId) => (userId === PLAYGROUND_OWNER ? [{ ...PLAYGROUND_GROUP }] : []),
};

/** consoleDirectory with the playground's mutes, which a pardon from the dashboard lifts as `/rg pardon` does. */
export const consoleDirectoryWith = (mutes: ConsoleMutes): AdminDirectory => ({
  ...consoleDirectory,
  unmute: async (groupId, memberId) => (groupId === PLAYGROUND_GROUP.id ? mutes.lift(memberId) : 'not_muted'),
});
