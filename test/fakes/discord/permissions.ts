import { PermissionFlagsBits } from 'discord.js';

/*
 * Guild-level permission arithmetic, as Discord does it (and as discord.js repeats it on the
 * client from the roles in GUILD_CREATE): the owner holds everything, otherwise @everyone and
 * the member's roles are OR-ed together, and Administrator grants everything. Channel
 * overwrites are not modelled: every channel has `permission_overwrites: []`.
 */

/** Every permission bit discord.js knows. */
export const ALL_PERMISSIONS: bigint = Object.values(PermissionFlagsBits).reduce((all, bit) => all | bit, 0n);

/** What @everyone may do unless the test says otherwise: talk, read, react, use commands. */
export const EVERYONE_PERMISSIONS: bigint =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.SendMessagesInThreads |
  PermissionFlagsBits.CreatePublicThreads |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.AddReactions |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.UseApplicationCommands |
  PermissionFlagsBits.ChangeNickname;

/**
 * What the bot's managed role holds unless the test says otherwise: everything a moderation
 * bot needs (delete messages, time members out), nothing more.
 */
export const DEFAULT_BOT_PERMISSIONS: bigint =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.SendMessagesInThreads |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.AddReactions |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.ManageMessages |
  PermissionFlagsBits.ModerateMembers;

/** A permission set from a decimal string (Discord's wire form) or a bigint. */
export function toPermissionBits(permissions: string | bigint): bigint {
  return typeof permissions === 'bigint' ? permissions : BigInt(permissions);
}

/** The role data permission arithmetic needs. */
export interface RolePermissions {
  id: string;
  permissions: bigint;
  position: number;
}

/**
 * A member's guild-wide permissions.
 *
 * @param everyone The @everyone role's permissions.
 * @param roles The member's own roles.
 * @param isOwner Whether the member owns the guild.
 */
export function memberPermissions(everyone: bigint, roles: RolePermissions[], isOwner: boolean): bigint {
  if (isOwner) return ALL_PERMISSIONS;
  const combined = roles.reduce((all, role) => all | role.permissions, everyone);
  return (combined & PermissionFlagsBits.Administrator) !== 0n ? ALL_PERMISSIONS : combined;
}

/** True when `permissions` include every bit of `required`. */
export function hasPermission(permissions: bigint, required: bigint): boolean {
  return (permissions & required) === required;
}

/** The position of a member's highest role (0, @everyone's, for a member without roles). */
export function highestPosition(roles: RolePermissions[]): number {
  return roles.reduce((highest, role) => Math.max(highest, role.position), 0);
}
