import { Markup, Telegraf, TelegramError } from 'telegraf';
import type { Message, Update } from 'telegraf/types';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeTelegram } from './fakeTelegram.js';
import { freePort } from './freePort.js';
import { postJson } from './postJson.js';

/*
 * Checks the fake with the real telegraf client: the bot is launched in webhook mode against
 * the fake, exactly as an end-to-end test would do it. Every member action resolves only
 * after the bot answered its webhook, so assertions need no sleeps.
 */

const TOKEN = '123:ABC';
const BOT = { id: 999, username: 'rumorguard_bot', first_name: 'RumorGuard' };
const GROUP = { id: -1001234, type: 'supergroup' as const, title: 'Group', username: 'rumor_group' };
const OWNER = { id: 1, first_name: 'Olga', username: 'olga' };
const ADMIN = { id: 2, first_name: 'Adam' };
const ALICE = { id: 11, first_name: 'Alice', last_name: 'A', username: 'alice' };
const SECRET = 'sekret';

let fake: FakeTelegram | undefined;
let bot: Telegraf | undefined;
let launched = false;

afterEach(async () => {
  if (bot && launched) bot.stop('test over');
  bot = undefined;
  launched = false;
  await fake?.stop();
  fake = undefined;
});

interface Started {
  fake: FakeTelegram;
  bot: Telegraf;
  webhookPort: number;
}

/** A fake with one supergroup (owner, admin, Alice) and a telegraf bot launched by webhook. */
async function start(register: (bot: Telegraf) => void = () => {}, webhookReply = false): Promise<Started> {
  fake = await FakeTelegram.start({ token: TOKEN, bot: BOT, canReadAllGroupMessages: true });
  fake.addChat(GROUP);
  fake.setMember(GROUP.id, OWNER, 'creator');
  fake.setMember(GROUP.id, ADMIN, 'administrator', { can_restrict_members: true });
  fake.setMember(GROUP.id, ALICE, 'member');
  bot = new Telegraf(TOKEN, { telegram: { apiRoot: fake.apiRoot, webhookReply } });
  register(bot);
  const webhookPort = await freePort();
  // In telegraf 4.16.3 launch() resolves in webhook mode, once setWebhook has been answered.
  await bot.launch({ webhook: { domain: `127.0.0.1:${webhookPort}`, port: webhookPort, host: '127.0.0.1', path: '/tg', secretToken: SECRET } });
  launched = true;
  return { fake, bot, webhookPort };
}

/** The text of a message the bot received, or fail. */
function textOf(message: Message | undefined): string {
  if (!message || !('text' in message)) throw new Error(`not a text message: ${JSON.stringify(message)}`);
  return message.text;
}

describe('FakeTelegram with a real telegraf bot', () => {
  it('GIVEN launch with a webhook THEN it resolves after getMe and setWebhook with an https URL and the secret token', async () => {
    const { fake, bot, webhookPort } = await start();
    expect(fake.calls.map((call) => call.method)).toEqual(['getMe', 'setWebhook']);
    expect(fake.callsOf('setWebhook')[0]?.body).toMatchObject({ url: `https://127.0.0.1:${webhookPort}/tg`, secret_token: SECRET });
    expect(fake.webhookUrl).toBe(`https://127.0.0.1:${webhookPort}/tg`);
    expect(bot.botInfo).toMatchObject({ ...BOT, is_bot: true, can_read_all_group_messages: true, can_join_groups: true, supports_inline_queries: false });
  });

  it('GIVEN a member message THEN bot.on(message) sees the real chat and sender, and ctx.reply lands in botMessages with the real chat', async () => {
    const seen: Update[] = [];
    const replies: Message.TextMessage[] = [];
    const { fake } = await start((bot) =>
      bot.on('message', async (ctx) => {
        seen.push(ctx.update);
        replies.push(await ctx.reply('seen it', { reply_parameters: { message_id: ctx.message.message_id } }));
      }),
    );

    const { update, message } = await fake.sendMessage(GROUP.id, ALICE.id, 'the moon is made of cheese');

    expect(seen).toEqual([update]);
    expect(update).not.toHaveProperty('message.botToken');
    expect(message).toMatchObject({
      chat: GROUP,
      from: { ...ALICE, is_bot: false },
      text: 'the moon is made of cheese',
    });
    expect(message.date).toBeGreaterThan(1_600_000_000);
    expect(message.date).toBeLessThan(10_000_000_000); // seconds, not milliseconds

    const sent = fake.botMessages(GROUP.id);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ chat_id: GROUP.id, text: 'seen it', reply_parameters: { message_id: message.message_id }, deleted: false });
    // What ctx.reply resolved with is Bot-API-shaped: the real chat, the bot as sender, the reply.
    expect(replies[0]).toMatchObject({ chat: GROUP, from: { id: BOT.id, is_bot: true }, text: 'seen it', reply_to_message: { message_id: message.message_id } });
    // The emulator alone hands a reply sent during delivery the member message's id again.
    expect(replies[0]?.message_id).toBe(message.message_id + 1);
  });

  it('GIVEN message ids THEN they count up per chat across members and the bot', async () => {
    const { fake } = await start((bot) => bot.on('message', (ctx) => ctx.reply('ok')));
    fake.addChat({ id: -42, type: 'group', title: 'Other' });
    fake.setMember(-42, ALICE, 'member');

    const first = await fake.sendMessage(GROUP.id, ALICE.id, 'one');
    const second = await fake.sendMessage(GROUP.id, ALICE.id, 'two');
    const elsewhere = await fake.sendMessage(-42, ALICE.id, 'three');

    expect([first.message.message_id, second.message.message_id, elsewhere.message.message_id]).toEqual([1, 3, 1]);
    expect(fake.botMessages(GROUP.id).map((sent) => sent.message_id)).toEqual([2, 4]);
    expect(fake.botMessages(-42)).toMatchObject([{ message_id: 2, message: { chat: { id: -42, type: 'group', title: 'Other' } } }]);
  });

  it('GIVEN a caption, forward_origin and a reply to an earlier message THEN they reach the bot as given, without nested replies', async () => {
    const seen: Message[] = [];
    const { fake } = await start((bot) => bot.on('message', (ctx) => void seen.push(ctx.message)));
    const original = await fake.sendMessage(GROUP.id, OWNER.id, 'original');
    const reply = await fake.sendMessage(GROUP.id, ALICE.id, { text: 'a reply', reply_to_message: original.message });
    // Real origins carry `date`; @telegraf/types 7.1 forgot it, so a literal would not type-check.
    const origin = { type: 'channel' as const, chat: { id: -100777, type: 'channel' as const, title: 'News' }, message_id: 7, date: 1_700_000_000 };
    const forwarded = await fake.sendMessage(GROUP.id, ALICE.id, {
      caption: 'look at this',
      photo: [{ file_id: 'photo-1', file_unique_id: 'p1', width: 90, height: 90 }],
      forward_origin: origin,
      reply_to_message: reply.message,
    });

    expect(seen[1]).toMatchObject({ reply_to_message: { message_id: original.message.message_id, text: 'original' } });
    expect(seen[2]).toMatchObject({
      caption: 'look at this',
      photo: [{ file_id: 'photo-1' }],
      forward_origin: origin,
      reply_to_message: { message_id: reply.message.message_id, text: 'a reply' },
    });
    expect(seen[2]).not.toHaveProperty('reply_to_message.reply_to_message');
    expect(forwarded.update).toEqual({ update_id: forwarded.update.update_id, message: seen[2] });
  });

  it('GIVEN a command THEN bot.command sees it with its payload', async () => {
    const payloads: string[] = [];
    const { fake } = await start((bot) => bot.command('rg', (ctx) => void payloads.push(ctx.payload)));

    const { message } = await fake.sendCommand(GROUP.id, ADMIN.id, '/rg status');
    await fake.sendCommand(GROUP.id, ADMIN.id, `/rg@${BOT.username} help`);

    expect(payloads).toEqual(['status', 'help']);
    expect(message.entities).toEqual([{ type: 'bot_command', offset: 0, length: 3 }]);
  });

  it('GIVEN a member edits a message THEN bot.on(edited_message) sees the new text with edit_date', async () => {
    const edits: Message[] = [];
    const { fake } = await start((bot) => bot.on('edited_message', (ctx) => void edits.push(ctx.editedMessage)));
    const { message } = await fake.sendMessage(GROUP.id, ALICE.id, 'draft');

    const edited = await fake.editMessage(GROUP.id, ALICE.id, message.message_id, 'final');

    expect(edits).toHaveLength(1);
    expect(edits[0]).toMatchObject({ message_id: message.message_id, chat: GROUP, from: { id: ALICE.id }, text: 'final' });
    expect(textOf(edits[0])).toBe('final');
    expect(edited.update).toEqual({ update_id: edited.update.update_id, edited_message: edits[0] });
    expect(edited.message.edit_date).toEqual(expect.any(Number));
    await expect(fake.editMessage(GROUP.id, OWNER.id, message.message_id, 'not mine')).rejects.toThrow(/was not sent by user 1/);
  });

  it('GIVEN a button press THEN bot.on(callback_query) gets the bot message incl. its reply, and can answer and edit it', async () => {
    const queries: Record<string, unknown>[] = [];
    const { fake } = await start((bot) => {
      bot.on('message', (ctx) =>
        ctx.reply('Is this a rumor?', {
          reply_parameters: { message_id: ctx.message.message_id },
          ...Markup.inlineKeyboard([Markup.button.callback('Yes', 'vote:yes'), Markup.button.callback('No', 'vote:no')]),
        }),
      );
      bot.on('callback_query', async (ctx) => {
        queries.push(ctx.callbackQuery as unknown as Record<string, unknown>);
        await ctx.answerCbQuery('Thanks');
        await ctx.editMessageText('Voted');
      });
    });
    const { message: memberMessage } = await fake.sendMessage(GROUP.id, ALICE.id, 'vaccines contain chips');
    const botMessage = fake.botMessages(GROUP.id)[0];
    if (!botMessage) throw new Error('the bot did not reply');

    const pressed = await fake.pressButton(GROUP.id, ADMIN.id, botMessage.message_id, 'vote:yes');

    expect(queries).toHaveLength(1);
    expect(queries[0]).toMatchObject({
      from: { id: ADMIN.id },
      data: 'vote:yes',
      chat_instance: expect.any(String),
      message: { message_id: botMessage.message_id, chat: GROUP, text: 'Is this a rumor?', reply_to_message: { message_id: memberMessage.message_id } },
    });
    expect(pressed.update).toEqual({ update_id: pressed.update.update_id, callback_query: queries[0] });
    expect(fake.callsOf('answerCallbackQuery')[0]).toMatchObject({ body: { text: 'Thanks' }, response: { ok: true, result: true } });
    expect(fake.callsOf('editMessageText')[0]?.response).toMatchObject({ ok: true, result: { message_id: botMessage.message_id, text: 'Voted' } });
    // The edit dropped the keyboard (no reply_markup given), so the button is gone.
    expect(fake.botMessages(GROUP.id)[0]).toMatchObject({ text: 'Voted', message: { edit_date: expect.any(Number) } });
    expect(fake.botMessages(GROUP.id)[0]).not.toHaveProperty('reply_markup');
    await expect(fake.pressButton(GROUP.id, ADMIN.id, botMessage.message_id, 'vote:no')).rejects.toThrow(/no button with callback_data 'vote:no'/);
  });

  it('GIVEN telegraf webhookReply THEN a method put in the webhook answer is carried out and recorded as such', async () => {
    const { fake } = await start((bot) => {
      bot.on('message', (ctx) => ctx.reply('pick', Markup.inlineKeyboard([Markup.button.callback('A', 'a')])));
      bot.on('callback_query', (ctx) => ctx.answerCbQuery());
    }, true);
    await fake.sendMessage(GROUP.id, ALICE.id, 'hi');
    const botMessage = fake.botMessages(GROUP.id)[0];

    await fake.pressButton(GROUP.id, ALICE.id, botMessage?.message_id ?? 0, 'a');

    expect(fake.callsOf('answerCallbackQuery')).toMatchObject([{ viaWebhookReply: true, response: { ok: true, result: true } }]);
  });

  it('GIVEN setMember THEN getChatMember and getChatAdministrators answer from it, strangers have left and the bot is an admin', async () => {
    const { fake, bot } = await start();

    expect(await bot.telegram.getChatMember(GROUP.id, ALICE.id)).toEqual({ status: 'member', user: { ...ALICE, is_bot: false } });
    expect(await bot.telegram.getChatMember(GROUP.id, 12345)).toMatchObject({ status: 'left', user: { id: 12345 } });
    expect(await bot.telegram.getChatMember(GROUP.id, BOT.id)).toMatchObject({
      status: 'administrator',
      user: { id: BOT.id, is_bot: true },
      can_delete_messages: true,
      can_restrict_members: true,
      can_promote_members: false,
    });
    const admins = await bot.telegram.getChatAdministrators(GROUP.id);
    expect(admins.map((admin) => [admin.status, admin.user.id])).toEqual([
      ['creator', OWNER.id],
      ['administrator', BOT.id],
      ['administrator', ADMIN.id],
    ]);
    expect(await bot.telegram.getChat(GROUP.id)).toEqual(GROUP);
    expect(await bot.telegram.getChat(`@${GROUP.username}`)).toEqual(GROUP);
    await expect(bot.telegram.getChat(-5)).rejects.toMatchObject({ code: 400, description: 'Bad Request: chat not found' });

    fake.setMember(GROUP.id, { id: 3, first_name: 'Anon' }, 'administrator', { is_anonymous: true });
    expect(await bot.telegram.getChatMember(GROUP.id, 3)).toMatchObject({ status: 'administrator', is_anonymous: true });
  });

  it('GIVEN restrictChatMember THEN it is recorded, mutes the member, and is refused without rights or against the owner', async () => {
    const { fake, bot } = await start();
    const until = Math.floor(Date.now() / 1000) + 3600;

    await expect(bot.telegram.restrictChatMember(GROUP.id, ALICE.id, { permissions: { can_send_messages: false }, until_date: until })).resolves.toBe(true);
    expect(fake.callsOf('restrictChatMember')[0]).toMatchObject({
      body: { chat_id: GROUP.id, user_id: ALICE.id, permissions: { can_send_messages: false }, until_date: until },
      response: { ok: true, result: true },
    });
    expect(fake.member(GROUP.id, ALICE.id)).toMatchObject({ status: 'restricted', can_send_messages: false, until_date: until, is_member: true });
    await expect(fake.sendMessage(GROUP.id, ALICE.id, 'let me speak')).rejects.toThrow(/user 11 is restricted/);

    await expect(bot.telegram.restrictChatMember(GROUP.id, OWNER.id, { permissions: { can_send_messages: false } })).rejects.toMatchObject({
      code: 400,
      description: "Bad Request: can't remove chat owner",
    });
    await expect(bot.telegram.restrictChatMember(GROUP.id, ADMIN.id, { permissions: { can_send_messages: false } })).rejects.toMatchObject({
      code: 400,
      description: 'Bad Request: user is an administrator of the chat',
    });
    await expect(bot.telegram.callApi('restrictChatMember', { chat_id: GROUP.id, user_id: ALICE.id } as never)).rejects.toMatchObject({ code: 400 });
    fake.setMember(GROUP.id, fake.botUser, 'administrator', { can_restrict_members: false });
    await expect(bot.telegram.restrictChatMember(GROUP.id, ALICE.id, { permissions: { can_send_messages: true } })).rejects.toMatchObject({
      code: 400,
      description: 'Bad Request: not enough rights to restrict/unrestrict chat member',
    });
    expect(fake.callsOf('restrictChatMember').map((call) => call.response.ok)).toEqual([true, false, false, false, false]);
  });

  it('GIVEN failNext 429 THEN the next sendMessage rejects with a TelegramError carrying retry_after, and the one after succeeds', async () => {
    const { fake, bot } = await start();
    fake.failNext('sendMessage', { error_code: 429, description: 'Too Many Requests: retry after 3', parameters: { retry_after: 3 } });

    const error = await bot.telegram.sendMessage(GROUP.id, 'hello').catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(TelegramError);
    expect((error as TelegramError).code).toBe(429);
    expect((error as TelegramError).parameters?.retry_after).toBe(3);
    expect(fake.callsOf('sendMessage')[0]?.response).toEqual({
      ok: false,
      error_code: 429,
      description: 'Too Many Requests: retry after 3',
      parameters: { retry_after: 3 },
    });
    expect(fake.botMessages()).toEqual([]);
    await expect(bot.telegram.sendMessage(GROUP.id, 'hello')).resolves.toMatchObject({ text: 'hello', chat: GROUP });

    fake.failNext('getMe', { error_code: 429, description: 'Too Many Requests: retry after 3', parameters: { retry_after: 3 } });
    const raw = await fetch(`${fake.apiRoot}/bot${TOKEN}/getMe`);
    expect(raw.status).toBe(429);
  });

  it('GIVEN a forum topic THEN a reply lands beside its target, one to a deleted message lands in General unless it names the topic', async () => {
    const { fake, bot } = await start();
    const { message } = await fake.sendMessage(GROUP.id, ALICE.id, { text: 'in topic 99', message_thread_id: 99, is_topic_message: true });
    const reply = { reply_parameters: { message_id: message.message_id, allow_sending_without_reply: true } };
    const beside = await bot.telegram.sendMessage(GROUP.id, 'beside it', reply);
    await bot.telegram.deleteMessage(GROUP.id, message.message_id);
    const general = await bot.telegram.sendMessage(GROUP.id, 'target gone', reply);
    const named = await bot.telegram.sendMessage(GROUP.id, 'target gone, topic named', { ...reply, message_thread_id: 99 });

    expect(beside).toMatchObject({ message_thread_id: 99, is_topic_message: true, reply_to_message: { message_id: message.message_id } });
    expect(general).not.toHaveProperty('message_thread_id');
    expect(general).not.toHaveProperty('reply_to_message');
    expect(named).toMatchObject({ message_thread_id: 99, is_topic_message: true });
    expect(fake.botMessages(GROUP.id).map((sent) => sent.message.message_thread_id)).toEqual([99, undefined, 99]);
  });

  it('GIVEN the bot lost a right or was kicked THEN deleting others\u2019 messages and posting are refused as Telegram does', async () => {
    const { fake, bot } = await start();
    const { message } = await fake.sendMessage(GROUP.id, ALICE.id, 'spam');
    const own = await bot.telegram.sendMessage(GROUP.id, 'mine');

    await expect(bot.telegram.deleteMessage(GROUP.id, own.message_id)).resolves.toBe(true);
    expect(fake.botMessages(GROUP.id)[0]).toMatchObject({ message_id: own.message_id, deleted: true });
    await expect(bot.telegram.deleteMessage(GROUP.id, own.message_id)).rejects.toMatchObject({
      code: 400,
      description: 'Bad Request: message to delete not found',
    });
    fake.setMember(GROUP.id, fake.botUser, 'member');
    await expect(bot.telegram.deleteMessage(GROUP.id, message.message_id)).rejects.toMatchObject({ description: "Bad Request: message can't be deleted" });
    fake.setMember(GROUP.id, fake.botUser, 'kicked');
    await expect(bot.telegram.sendMessage(GROUP.id, 'hello?')).rejects.toMatchObject({
      code: 403,
      description: 'Forbidden: bot was kicked from the supergroup chat',
    });
  });

  it('GIVEN sendDocument with a Buffer THEN the fake stores name, type, size, content and caption', async () => {
    const { fake, bot } = await start();

    const sent = await bot.telegram.sendDocument(GROUP.id, { source: Buffer.from('hello'), filename: 'r.md' }, { caption: 'weekly report' });

    expect(sent).toMatchObject({ chat: GROUP, caption: 'weekly report', document: { file_name: 'r.md', mime_type: 'text/markdown', file_size: 5 } });
    const [stored] = fake.botMessages(GROUP.id);
    expect(stored).toMatchObject({ method: 'sendDocument', caption: 'weekly report', document: { file_name: 'r.md', file_size: 5 } });
    expect(stored?.document?.content.toString('utf8')).toBe('hello');
    expect(fake.callsOf('sendDocument')[0]?.body).toMatchObject({ chat_id: GROUP.id, caption: 'weekly report', document: { filename: 'r.md' } });
    // Sending the same file again by file_id needs no upload.
    await expect(bot.telegram.sendDocument(GROUP.id, sent.document.file_id)).resolves.toMatchObject({ document: { file_id: sent.document.file_id } });
  });

  it('GIVEN setMyCommands per scope THEN getMyCommands returns what was set for that scope only', async () => {
    const { fake, bot } = await start();
    const everyone = [{ command: 'rg', description: 'RumorGuard' }];
    const admins = [
      { command: 'rg', description: 'RumorGuard' },
      { command: 'rg_status', description: 'Status' },
    ];

    await bot.telegram.setMyCommands(everyone);
    await bot.telegram.setMyCommands(admins, { scope: { type: 'chat_administrators', chat_id: GROUP.id } });

    expect(await bot.telegram.getMyCommands()).toEqual(everyone);
    expect(await bot.telegram.getMyCommands({ scope: { type: 'chat_administrators', chat_id: GROUP.id } })).toEqual(admins);
    expect(await bot.telegram.getMyCommands({ scope: { type: 'all_group_chats' } })).toEqual([]);
    expect(fake.myCommands({ type: 'chat_administrators', chat_id: GROUP.id })).toEqual(admins);
    await bot.telegram.deleteMyCommands();
    expect(await bot.telegram.getMyCommands()).toEqual([]);
    await expect(bot.telegram.setMyCommands([{ command: 'Bad Command', description: 'x' }])).rejects.toMatchObject({ code: 400 });
  });

  it('GIVEN my_chat_member via sendUpdate THEN the bot sees it', async () => {
    const seen: Update[] = [];
    const { fake } = await start((bot) => bot.on('my_chat_member', (ctx) => void seen.push(ctx.update)));

    const update = await fake.sendUpdate({
      my_chat_member: {
        chat: fake.chat(GROUP.id),
        from: fake.user(OWNER.id),
        date: Math.floor(Date.now() / 1000),
        old_chat_member: fake.member(GROUP.id, BOT.id),
        new_chat_member: { status: 'member', user: fake.botUser },
      },
    });

    expect(seen).toEqual([update]);
  });

  it('GIVEN the webhook secret THEN telegraf refuses deliveries without it, so the fake really sends the header', async () => {
    const { fake, bot, webhookPort } = await start((bot) => bot.on('message', () => {}));
    const url = `http://127.0.0.1:${webhookPort}/tg`;
    const update = { update_id: 1, message: { message_id: 1, date: 1, chat: GROUP, from: { ...ALICE, is_bot: false }, text: 'x' } };

    expect((await postJson(url, update)).status).toBe(403);
    expect((await postJson(url, update, { 'X-Telegram-Bot-Api-Secret-Token': 'wrong' })).status).toBe(403);
    await expect(fake.sendMessage(GROUP.id, ALICE.id, 'through the fake')).resolves.toBeDefined();

    // Point the fake at another secret: now telegraf refuses and the member action says why.
    await bot.telegram.setWebhook(fake.webhookUrl ?? '', { secret_token: 'other' });
    await expect(fake.sendMessage(GROUP.id, ALICE.id, 'refused')).rejects.toThrow(/answered update \d+ with HTTP 403/);
    await expect(fake.editMessage(GROUP.id, ALICE.id, 1, 'refused too')).rejects.toThrow(/HTTP 403/);
  });

  it('GIVEN a wrong token THEN the fake answers 401, and unknown methods 400 method not found', async () => {
    const { fake, bot } = await start();
    const stranger = new Telegraf('999:WRONG', { telegram: { apiRoot: fake.apiRoot } });

    await expect(stranger.telegram.getMe()).rejects.toMatchObject({ code: 401, description: 'Unauthorized' });
    expect((await fetch(`${fake.apiRoot}/bot999:WRONG/getMe`)).status).toBe(401);
    await expect(bot.telegram.callApi('setChatTitle', { chat_id: GROUP.id, title: 'New' })).rejects.toMatchObject({
      code: 400,
      description: 'Bad Request: method not found',
    });
    expect(fake.callsOf('setChatTitle')).toMatchObject([{ body: { chat_id: GROUP.id, title: 'New' }, response: { ok: false, error_code: 400 } }]);
  });

  it('GIVEN no launched bot THEN member actions fail clearly instead of hanging', async () => {
    fake = await FakeTelegram.start({ token: TOKEN, bot: BOT });
    fake.addChat(GROUP);
    fake.setMember(GROUP.id, ALICE, 'member');

    await expect(fake.sendMessage(GROUP.id, ALICE.id, 'anyone?')).rejects.toThrow(/no webhook is set/);
    await expect(fake.sendMessage(GROUP.id, 77, 'who am I')).rejects.toThrow(/user 77 is unknown/);
  });
});
