import { apiUser } from './apiObjects.js';
import type { FakeContext } from './context.js';
import { missingAccess, unknown } from './discordError.js';
import { noContent, ok, type Router } from './router.js';

/*
 * Gateway discovery, the bot's own user and application, and application commands.
 *
 * GET /gateway/bot is what discord.js asks first on login (a 401 there makes `login()` reject
 * with TokenInvalid). `max_concurrency` is 16 rather than 1: @discordjs/ws lets only
 * `max_concurrency` shards identify per 5 seconds, so with 1 a two-shard client would sit
 * through a 5-second wait.
 */

/** Add the gateway, user, application and command routes. */
export function addApplicationRoutes(router: Router, ctx: FakeContext): void {
  const { world, options, commands } = ctx;
  const appId = options.application.id;

  const requireApp = (id: string | undefined): void => {
    if (id !== appId) throw unknown('Application', 10002);
  };
  const requireGuild = (id: string | undefined): string => {
    if (!world.guilds.has(id ?? '')) throw missingAccess();
    return id ?? '';
  };

  router
    .add('GET', '/gateway', () => ok({ url: ctx.gatewayUrl }))
    .add('GET', '/gateway/bot', () =>
      ok({
        url: ctx.gatewayUrl,
        shards: ctx.recommendedShards,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 16 },
      }),
    )
    .add('GET', '/users/@me', () => ok({ ...apiUser(world.requireUser(world.botId)), verified: true, mfa_enabled: false, flags: 0, bot: true }))
    .add('GET', '/users/:user', ({ params }) => {
      const user = world.users.get(params.user ?? '');
      if (!user) throw unknown('User', 10013);
      return ok(apiUser(user));
    })
    .add('GET', '/applications/@me', () =>
      ok({
        id: appId,
        name: options.application.name ?? options.bot.username,
        icon: null,
        description: '',
        bot_public: true,
        bot_require_code_grant: false,
        verify_key: '0'.repeat(64),
        flags: 0,
        team: null,
        owner: apiUser(world.requireUser(world.botId)),
        bot: apiUser(world.requireUser(world.botId)),
        approximate_guild_count: world.guilds.size,
        integration_types_config: { '0': {} },
      }),
    )
    .add('GET', '/applications/:app/commands', ({ params }) => (requireApp(params.app), ok(commands.list())))
    .add('PUT', '/applications/:app/commands', ({ params, body }) => (requireApp(params.app), ok(commands.overwrite(body))))
    .add('POST', '/applications/:app/commands', ({ params, body }) => (requireApp(params.app), ok(commands.upsert(body))))
    .add('DELETE', '/applications/:app/commands/:command', ({ params }) => {
      requireApp(params.app);
      if (!commands.remove(params.command ?? '')) throw unknown('application command', 10063);
      return noContent();
    })
    .add('GET', '/applications/:app/guilds/:guild/commands', ({ params }) => {
      requireApp(params.app);
      return ok(commands.list(requireGuild(params.guild)));
    })
    .add('PUT', '/applications/:app/guilds/:guild/commands', ({ params, body }) => {
      requireApp(params.app);
      return ok(commands.overwrite(body, requireGuild(params.guild)));
    })
    .add('POST', '/applications/:app/guilds/:guild/commands', ({ params, body }) => {
      requireApp(params.app);
      return ok(commands.upsert(body, requireGuild(params.guild)));
    })
    .add('DELETE', '/applications/:app/guilds/:guild/commands/:command', ({ params }) => {
      requireApp(params.app);
      if (!commands.remove(params.command ?? '', requireGuild(params.guild))) throw unknown('application command', 10063);
      return noContent();
    });
}
