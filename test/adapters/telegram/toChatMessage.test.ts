import type { Message } from 'telegraf/types';
import { describe, expect, it } from 'vitest';
import { displayName, messageLink, toChatMessage, topicOf } from '../../../adapters/telegram/toChatMessage.js';

const GROUP = { id: -1001234567890, type: 'supergroup', title: 'Town news' } as const;
const ADA = { id: 42, is_bot: false, first_name: 'Ada', last_name: 'Lovelace' };
const base = { message_id: 7, date: 1_700_000_000, chat: GROUP, from: ADA, text: '5G towers spread the coronavirus' };
const msg = (extra: Record<string, unknown>) => ({ ...base, ...extra }) as unknown as Message;

describe('toChatMessage', () => {
  it('GIVEN a member\'s text in a supergroup THEN the engine message carries group, member, text, time and link', () => {
    expect(toChatMessage(msg({}), { edited: false })).toEqual({
      platform: 'telegram',
      groupId: '-1001234567890',
      messageId: '7',
      member: { id: '42', name: 'Ada Lovelace' },
      text: '5G towers spread the coronavirus',
      sentAt: 1_700_000_000_000,
      link: 'https://t.me/c/1234567890/7',
    });
  });

  it.each([
    ['a photo caption', { text: undefined, caption: 'garlic cures it', photo: [] }, 'garlic cures it'],
    ['a poll', { text: undefined, poll: { question: 'Is 5G dangerous?', options: [{ text: 'yes' }, { text: 'no' }] } }, 'Is 5G dangerous?\nyes\nno'],
  ])('GIVEN %s THEN its text is read', (_, extra, text) => {
    expect(toChatMessage(msg(extra), { edited: false })?.text).toBe(text);
  });

  it.each([
    ['a private chat', { chat: { id: 42, type: 'private', first_name: 'Ada' } }],
    ['a channel post', { chat: { id: -100999, type: 'channel', title: 'News' } }],
    ['another bot', { from: { id: 5, is_bot: true, first_name: 'OtherBot' } }],
    ['a sticker without text', { text: undefined, sticker: {} }],
    ['whitespace only', { text: '   ' }],
  ])('GIVEN %s THEN there is nothing for the engine', (_, extra) => {
    expect(toChatMessage(msg(extra), { edited: false })).toBeUndefined();
  });

  it('GIVEN an edit THEN it is flagged and timed at the edit', () => {
    const m = toChatMessage(msg({ edit_date: 1_700_000_100 }), { edited: true });
    expect(m).toMatchObject({ edited: true, sentAt: 1_700_000_100_000 });
  });

  it('GIVEN a forwarded post THEN it is flagged as forwarded', () => {
    const m = toChatMessage(msg({ forward_origin: { type: 'channel', date: 1, chat: { id: -1002, type: 'channel', title: 'X' }, message_id: 3 } }), { edited: false });
    expect(m?.forwarded).toBe(true);
  });

  it('GIVEN an anonymous admin posting as the group THEN the member is an admin named after the group', () => {
    const m = toChatMessage(msg({ from: { id: 1087968824, is_bot: true, first_name: 'Group', username: 'GroupAnonymousBot' }, sender_chat: GROUP }), { edited: false });
    expect(m?.member).toEqual({ id: 'chat:-1001234567890', name: 'Town news', isAdmin: true });
  });

  it('GIVEN a member posting as a channel THEN the channel is the member, not an admin', () => {
    const m = toChatMessage(msg({ from: { id: 136817688, is_bot: true, first_name: 'Channel' }, sender_chat: { id: -100555, type: 'channel', title: 'Rumor mill' } }), { edited: false });
    expect(m?.member).toEqual({ id: 'chat:-100555', name: 'Rumor mill', isAdmin: false });
  });

  it('GIVEN a forum topic THEN the topic is the channel', () => {
    expect(toChatMessage(msg({ is_topic_message: true, message_thread_id: 99 }), { edited: false })?.channelId).toBe('99');
  });

  it('GIVEN a reply in a group without topics (a thread of replies, not a topic) THEN there is no topic to post in', () => {
    const reply = msg({ message_thread_id: 5 });
    expect(topicOf(reply)).toBeUndefined();
    expect(toChatMessage(reply, { edited: false })).not.toHaveProperty('channelId');
  });
});

describe('messageLink', () => {
  it.each([
    ['a public supergroup', { ...GROUP, username: 'townnews' }, 'https://t.me/townnews/7'],
    ['a private supergroup', GROUP, 'https://t.me/c/1234567890/7'],
    ['a basic group', { id: -55, type: 'group', title: 'Family' }, undefined],
  ] as const)('GIVEN %s THEN the link is %s', (_, chat, link) => {
    expect(messageLink(chat as never, 7)).toBe(link);
  });
});

describe('displayName', () => {
  it.each([
    { first: 'Ada', last: 'Lovelace', name: 'Ada Lovelace' },
    { first: '王', last: '小明', name: '王小明' },
    { first: '小明', last: undefined, name: '小明' },
    { first: 'Wang', last: '小明', name: 'Wang 小明' },
  ])('GIVEN first name $first and last name $last THEN the member is called "$name"', ({ first, last, name }) => {
    expect(displayName({ first_name: first, ...(last ? { last_name: last } : {}) })).toBe(name);
  });
});
