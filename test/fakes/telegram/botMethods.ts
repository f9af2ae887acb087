import type { User } from 'telegraf/types';
import type { MethodTable } from './botApiCalls.js';
import type { FakeState } from './fakeState.js';

/** The Bot API methods about the bot itself: getMe, its command lists, and getFile. */
export function botMethods(state: Pick<FakeState, 'options' | 'directory' | 'commands' | 'files'>): MethodTable {
  const { options, directory, commands, files } = state;
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
    getFile: (params) => files.describe(params.file_id),
    getMyCommands: (params) => commands.get(params.scope, params.language_code),
    deleteMyCommands: (params): true => {
      commands.delete(params.scope, params.language_code);
      return true;
    },
  };
}
