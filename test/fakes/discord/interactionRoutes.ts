import { MessageFlags, type APIEmbed, type APIMessage } from 'discord.js';
import { apiUser } from './apiObjects.js';
import { attachmentsFor, validatedParts } from './channelRoutes.js';
import type { FakeContext } from './context.js';
import { alreadyAcknowledged, invalidFormBody, unknown } from './discordError.js';
import { APPLICATION_COMMAND, MESSAGE_COMPONENT, type StoredInteraction } from './interactions.js';
import { buildMessage } from './messages.js';
import { noContent, ok, type RouteRequest, type Router } from './router.js';
import type { ReceivedFile } from './types.js';

/*
 * Interaction responses. discord.js answers an interaction with
 * `POST /interactions/:id/:token/callback?with_response=false` (no bot token: the interaction
 * token is the credential), and edits, follows up and deletes through the interaction webhook
 * `/webhooks/:application/:token[/messages/@original|:message]`. Callback types handled:
 * 4 reply, 5 deferred reply (a "thinking…" message with the Loading flag), 6 deferred update
 * and 7 update of the component's message (component interactions only), and anything else
 * (8 autocomplete, 9 modal, …) is stored without effect. A second callback is refused with
 * 40060, as at Discord.
 */

const REPLY = 4;
const DEFERRED_REPLY = 5;
const DEFERRED_UPDATE = 6;
const UPDATE = 7;

/** Message types of interaction responses: chat input command, context menu command, reply. */
function messageTypeFor(interaction: StoredInteraction): number {
  if (interaction.type !== APPLICATION_COMMAND) return 19;
  return interaction.commandType === 1 ? 20 : 23;
}

function record(body: unknown): Record<string, unknown> {
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}

function isEphemeral(message: APIMessage): boolean {
  return ((message.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
}

/** A new response message for `interaction` (the original or a follow-up), stored and echoed unless ephemeral. */
function createResponseMessage(ctx: FakeContext, interaction: StoredInteraction, data: Record<string, unknown>, files: ReceivedFile[], loading: boolean): APIMessage {
  const { world } = ctx;
  const channel = world.requireChannel(interaction.channelId);
  const parts = loading ? { content: '', embeds: [], components: [] } : validatedParts(data, files.length);
  const flags = (typeof data.flags === 'number' ? data.flags : 0) | (loading ? MessageFlags.Loading : 0);
  const message = buildMessage(world, ctx.ids.next(), channel, world.botId, { ...parts, attachments: attachmentsFor(ctx, channel.id, files, data), flags });
  Object.assign(message, {
    type: messageTypeFor(interaction),
    webhook_id: ctx.options.application.id,
    application_id: ctx.options.application.id,
    interaction_metadata: { id: interaction.id, type: interaction.type, user: apiUser(world.requireUser(interaction.userId)), authorizing_integration_owners: { '0': interaction.guildId } },
  });
  ctx.messages.add({ message, author: 'bot', deleted: false });
  if (!isEphemeral(message)) ctx.delivery.message('MESSAGE_CREATE', message);
  return message;
}

/** Apply an edit body (content, embeds, components, new files) to a stored bot message. */
function applyEdit(ctx: FakeContext, messageId: string, data: Record<string, unknown>, files: ReceivedFile[]): APIMessage {
  const stored = ctx.messages.get(messageId);
  if (!stored || stored.deleted) throw unknown('Message', 10008);
  const current = stored.message;
  const wasLoading = ((current.flags ?? 0) & MessageFlags.Loading) !== 0;
  const next = {
    ...current,
    ...('content' in data ? { content: typeof data.content === 'string' ? data.content : '' } : {}),
    ...('embeds' in data ? { embeds: (data.embeds ?? []) as APIEmbed[] } : {}),
    ...('components' in data ? { components: (data.components ?? []) as APIMessage['components'] } : {}),
    attachments: [...current.attachments, ...attachmentsFor(ctx, current.channel_id, files, data)],
    flags: (current.flags ?? 0) & ~MessageFlags.Loading,
    edited_timestamp: wasLoading ? null : new Date().toISOString(),
  } as APIMessage;
  validatedParts({ content: next.content, embeds: next.embeds, components: next.components ?? [] }, next.attachments.length);
  stored.message = next;
  if (!isEphemeral(next)) ctx.delivery.message('MESSAGE_UPDATE', next);
  return next;
}

function callback(ctx: FakeContext, { params, body, files, query }: RouteRequest): ReturnType<typeof ok> {
  const interaction = ctx.interactions.find(params.interaction ?? '', params.token ?? '');
  if (!interaction) throw unknown('interaction', 10062);
  if (interaction.responses.callback) throw alreadyAcknowledged();
  const json = record(body);
  const data = record(json.data);
  const type = json.type;
  if ((type === DEFERRED_UPDATE || type === UPDATE) && interaction.type !== MESSAGE_COMPONENT) {
    throw invalidFormBody('type', 'INTERACTION_RESPONSE_TYPE_INVALID', 'This response type is only valid for component interactions.');
  }
  let message: APIMessage | undefined;
  if (type === REPLY || type === DEFERRED_REPLY) {
    message = createResponseMessage(ctx, interaction, data, files, type === DEFERRED_REPLY);
    interaction.originalId = message.id;
  } else if (type === UPDATE && interaction.componentMessageId) {
    message = applyEdit(ctx, interaction.componentMessageId, data, files);
  }
  interaction.responses.callback = structuredClone(json);
  if (query.get('with_response') !== 'true') return noContent();
  return ok({
    interaction: {
      id: interaction.id,
      type: interaction.type,
      response_message_id: message?.id,
      response_message_loading: type === DEFERRED_REPLY,
      response_message_ephemeral: message ? isEphemeral(message) : false,
    },
    resource: { type, ...(message ? { message } : {}) },
  });
}

/** The interaction behind a webhook URL, or 10015 Unknown Webhook. */
function interactionOf(ctx: FakeContext, { params }: RouteRequest): StoredInteraction {
  const interaction = params.app === ctx.options.application.id ? ctx.interactions.byToken(params.token ?? '') : undefined;
  if (!interaction) throw unknown('Webhook', 10015);
  return interaction;
}

/** The id a webhook message path names: `@original` or a follow-up's id. */
function targetId(interaction: StoredInteraction, message: string | undefined): string {
  const id = message === '@original' ? interaction.originalId : interaction.followupIds.find((followup) => followup === message);
  if (!id) throw unknown('Message', 10008);
  return id;
}

/** Add the interaction callback and interaction webhook routes (all without the bot token). */
export function addInteractionRoutes(router: Router, ctx: FakeContext): void {
  const noAuth = false;
  router
    .add('POST', '/interactions/:interaction/:token/callback', (request) => callback(ctx, request), noAuth)
    .add(
      'GET',
      '/webhooks/:app/:token/messages/:message',
      (request) => {
        const interaction = interactionOf(ctx, request);
        const stored = ctx.messages.get(targetId(interaction, request.params.message));
        if (!stored || stored.deleted) throw unknown('Message', 10008);
        return ok(stored.message);
      },
      noAuth,
    )
    .add(
      'PATCH',
      '/webhooks/:app/:token/messages/:message',
      (request) => {
        const interaction = interactionOf(ctx, request);
        const edited = applyEdit(ctx, targetId(interaction, request.params.message), record(request.body), request.files);
        interaction.responses.edits.push(structuredClone(record(request.body)));
        return ok(edited);
      },
      noAuth,
    )
    .add(
      'DELETE',
      '/webhooks/:app/:token/messages/:message',
      (request) => {
        const interaction = interactionOf(ctx, request);
        const id = targetId(interaction, request.params.message);
        const stored = ctx.messages.get(id);
        if (!stored || stored.deleted) throw unknown('Message', 10008);
        stored.deleted = true;
        if (id === interaction.originalId) interaction.responses.originalDeleted = true;
        ctx.delivery.messageDelete({ id, channel_id: interaction.channelId, guild_id: interaction.guildId });
        return noContent();
      },
      noAuth,
    )
    .add(
      'POST',
      '/webhooks/:app/:token',
      (request) => {
        const interaction = interactionOf(ctx, request);
        // Follow-ups exist only once the interaction was answered.
        if (!interaction.responses.callback) throw unknown('Webhook', 10015);
        const message = createResponseMessage(ctx, interaction, record(request.body), request.files, false);
        interaction.followupIds.push(message.id);
        interaction.responses.followups.push(structuredClone(record(request.body)));
        return ok(message);
      },
      noAuth,
    );
}
