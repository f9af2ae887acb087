import type { APIApplicationCommandInteractionDataOption, APIMessage } from 'discord.js';
import type { FakeContext } from './context.js';
import { APPLICATION_COMMAND, interactionPayload, interactionToken, MESSAGE_COMPONENT, resolvedFor, type InteractionSpec } from './interactions.js';
import type { InteractionRef } from './types.js';

/*
 * Members using the bot's commands and components: each builds the INTERACTION_CREATE payload,
 * remembers the interaction (so the bot's callback, edits and follow-ups can be checked
 * against it), sends it to the session holding the guild, and resolves once the client has
 * emitted `interactionCreate`. INTERACTION_CREATE needs no intent.
 */

/** Chat input (slash) command, user and message context menu command types. */
const CHAT_INPUT = 1;
const MESSAGE_COMMAND = 3;

/** Extras for {@link slashCommand}. */
export interface SlashCommandExtra {
  /** `member.permissions` as Discord would compute it in that channel; defaults to what the roles grant. */
  memberPermissions?: string;
  /** The user's client locale, e.g. 'zh-CN'; defaults to 'en-US'. */
  locale?: string;
}

type Spec = Omit<InteractionSpec, 'id' | 'token' | 'applicationId'> & { commandType?: number; componentMessageId?: string };

async function deliver(ctx: FakeContext, spec: Spec): Promise<InteractionRef> {
  ctx.delivery.requireSessionsFor(spec.guildId);
  const ref = { id: ctx.ids.next(), token: interactionToken() };
  const payload = interactionPayload(ctx.world, { ...spec, ...ref, applicationId: ctx.options.application.id });
  ctx.interactions.add({
    ...ref,
    type: spec.type,
    ...(spec.commandType === undefined ? {} : { commandType: spec.commandType }),
    guildId: spec.guildId,
    channelId: spec.channelId,
    userId: spec.userId,
    responses: { edits: [], followups: [], originalDeleted: false },
    followupIds: [],
    ...(spec.componentMessageId === undefined ? {} : { componentMessageId: spec.componentMessageId }),
  });
  await ctx.delivery.settle(ctx.delivery.event(spec.guildId, 'INTERACTION_CREATE', payload));
  return ref;
}

/** The current version of a message the fake stores, else `message` as given. */
function current(ctx: FakeContext, message: APIMessage | string): APIMessage {
  const id = typeof message === 'string' ? message : message.id;
  const stored = ctx.messages.get(id);
  if (stored) return structuredClone(stored.message);
  if (typeof message === 'string') throw new Error(`message ${message} is unknown to the fake`);
  return structuredClone(message);
}

/**
 * A member runs slash command `name` with `options` (as Discord sends them, e.g.
 * `[{ name: 'text', type: 3, value: 'hi' }]`). The command id is the registered command's
 * when the bot registered one by that name.
 */
export async function slashCommand(
  ctx: FakeContext,
  guildId: string,
  channelId: string,
  userId: string,
  name: string,
  options: APIApplicationCommandInteractionDataOption[] = [],
  extra: SlashCommandExtra = {},
): Promise<InteractionRef> {
  const resolved = resolvedFor(ctx.world, guildId, options);
  const data = {
    id: ctx.commands.idFor(name, CHAT_INPUT, guildId) ?? ctx.ids.next(),
    name,
    type: CHAT_INPUT,
    ...(options.length > 0 ? { options } : {}),
    ...(resolved ? { resolved } : {}),
  };
  return await deliver(ctx, {
    type: APPLICATION_COMMAND,
    commandType: CHAT_INPUT,
    guildId,
    channelId,
    userId,
    data,
    ...(extra.memberPermissions === undefined ? {} : { memberPermissions: extra.memberPermissions }),
    ...(extra.locale === undefined ? {} : { locale: extra.locale }),
  });
}

/** A member runs message context menu command `name` on `targetMessage` (`data.resolved.messages`). */
export async function contextMenu(ctx: FakeContext, guildId: string, channelId: string, userId: string, name: string, targetMessage: APIMessage | string): Promise<InteractionRef> {
  const target = current(ctx, targetMessage);
  const data = {
    id: ctx.commands.idFor(name, MESSAGE_COMMAND, guildId) ?? ctx.ids.next(),
    name,
    type: MESSAGE_COMMAND,
    target_id: target.id,
    resolved: { messages: { [target.id]: target } },
  };
  return await deliver(ctx, { type: APPLICATION_COMMAND, commandType: MESSAGE_COMMAND, guildId, channelId, userId, data });
}

/** A member presses the button `customId` on `message` (type 3, component type 2). */
export async function pressButton(ctx: FakeContext, guildId: string, channelId: string, userId: string, message: APIMessage | string, customId: string): Promise<InteractionRef> {
  const target = current(ctx, message);
  return await deliver(ctx, {
    type: MESSAGE_COMPONENT,
    guildId,
    channelId,
    userId,
    data: { custom_id: customId, component_type: 2 },
    message: target,
    componentMessageId: target.id,
  });
}
