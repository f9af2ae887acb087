/*
 * Snowflakes as Discord makes them: milliseconds since the Discord epoch in the top 42 bits,
 * then worker, process and a per-millisecond increment. discord.js reads creation times out of
 * ids (`message.createdTimestamp`, `DiscordSnowflake.timestampFrom`), so fake ids must carry a
 * real timestamp, and they must grow, because discord.js sorts caches by id.
 */

/** 2015-01-01T00:00:00.000Z, where Discord's snowflake clock starts. */
export const DISCORD_EPOCH = 1_420_070_400_000n;

/** Hands out increasing snowflakes stamped with the current time. */
export class Snowflakes {
  private lastMs = 0n;
  private increment = 0n;

  /** A new snowflake, larger than every one handed out before. */
  next(): string {
    let ms = BigInt(Date.now());
    if (ms <= this.lastMs) {
      // Same millisecond (or the clock stepped back): count up instead, carrying into the
      // next millisecond when the 12-bit increment is used up.
      ms = this.lastMs;
      this.increment += 1n;
      if (this.increment > 0xfffn) {
        ms += 1n;
        this.increment = 0n;
      }
    } else {
      this.increment = 0n;
    }
    this.lastMs = ms;
    return String(((ms - DISCORD_EPOCH) << 22n) | (1n << 17n) | this.increment);
  }
}

/** Milliseconds since the Unix epoch at which `snowflake` was made. */
export function timestampOf(snowflake: string): number {
  return Number((BigInt(snowflake) >> 22n) + DISCORD_EPOCH);
}

/** The shard that receives a guild's events: `(guild_id >> 22) % shard_count`, as Discord routes them. */
export function shardOf(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}
