import type { ChatMember } from 'telegraf/types';
import { badRequest } from './botApiError.js';
import type { MethodTable } from './botApiCalls.js';
import { buildChatMember, hasRight, SEND_PERMISSIONS } from './chatMembers.js';
import type { FakeState } from './fakeState.js';
import { intParam, isRecord } from './methodParams.js';
import type { ApiParams, Chat } from './types.js';
import { nowSeconds } from './unixTime.js';

type Directory = FakeState['directory'];

/** The Bot API methods about chats and their members. */
export function memberMethods(state: Pick<FakeState, 'directory'>): MethodTable {
  const { directory } = state;
  return {
    getChat: (params): Chat => structuredClone(directory.chatFromParams(params)),
    getChatMember: (params): ChatMember => {
      const chat = directory.chatFromParams(params);
      return structuredClone(directory.memberOf(chat.id, intParam(params, 'user_id')));
    },
    getChatAdministrators: (params): ChatMember[] => {
      const chat = directory.chatFromParams(params);
      if (chat.type === 'private') throw badRequest('there are no administrators in the private chat');
      return structuredClone(directory.administrators(chat.id));
    },
    restrictChatMember: (params) => restrictChatMember(directory, params),
  };
}

function restrictChatMember(directory: Directory, params: ApiParams): true {
  const chat = directory.chatFromParams(params);
  if (chat.type !== 'supergroup') throw badRequest('method is available only for supergroups');
  const userId = intParam(params, 'user_id');
  const permissions = params.permissions;
  if (!isRecord(permissions)) throw badRequest('parameter "permissions" is required and must be a ChatPermissions object');
  let untilDate = 0;
  if (params.until_date !== undefined) untilDate = intParam(params, 'until_date');

  if (!hasRight(directory.botMember(chat.id), 'can_restrict_members')) {
    throw badRequest('not enough rights to restrict/unrestrict chat member');
  }
  if (userId === directory.botUser.id) throw badRequest("can't restrict self");
  const target = directory.memberOf(chat.id, userId);
  if (target.status === 'creator') throw badRequest("can't remove chat owner");
  if (target.status === 'administrator') throw badRequest('user is an administrator of the chat');

  // Telegram treats restrictions shorter than 30 seconds or longer than 366 days as forever.
  const seconds = untilDate - nowSeconds();
  if (untilDate !== 0 && (seconds < 30 || seconds > 366 * 86_400)) untilDate = 0;
  const granted = Object.fromEntries(SEND_PERMISSIONS.map((name) => [name, permissions[name] === true]));
  const inChat = target.status !== 'left' && target.status !== 'kicked';
  // Granting everything back makes a restricted user a plain member again.
  directory.replaceMember(
    chat.id,
    userId,
    Object.values(granted).every(Boolean) && inChat
      ? buildChatMember(target.user, 'member')
      : buildChatMember(target.user, 'restricted', { ...granted, is_member: inChat, until_date: untilDate }),
  );
  return true;
}
