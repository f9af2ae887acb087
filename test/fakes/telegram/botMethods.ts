import type { User } from 'telegraf/types';
import type { MethodTable } from './botApiCalls.js';
import type { FakeState } from './fakeState.js';

/** The Bot API methods about the bot itself: getMe and its command lists. */
export function botMethods(state: Pick<FakeState, 'options' | 'directory' | 'commands'>): MethodTable {
  const { options, directory, commands } = state;
  return {
    getMe: (): User =>
      ({
        ...directory.botUser,
        can_join_groups: options.canJoinGroups ?? true,
        can_read_all_group_messages: options.canReadAllGroupMessages ?? true,
        supports_inline_queries: false,
      }) as User,
    setMyCommands: (params): true => {
      commands.set(params.commands, params.scope, params.language_code);
      return true;
    },
    getMyCommands: (params) => commands.get(params.scope, params.language_code),
    deleteMyCommands: (params): true => {
      commands.delete(params.scope, params.language_code);
      return true;
    },
  };
}
