import { describe, expect, it } from 'vitest';
import type { ChatMember } from '../../src/engine/chatMessage.js';
import { enforcing, PAST_REPEAT_WINDOW, ruleOf, TEXT, typesOf } from './harness.js';

const EXEMPTIONS = { admins: true, members: ['m-listed'], roles: ['moderator'], channels: ['c-official'], showRefutation: true };

const EXEMPT = [
  { given: 'a group admin', member: { id: 'm-admin', isAdmin: true }, channelId: undefined, reason: 'exempt_admin', detail: 'Alice' },
  { given: 'a listed member id', member: { id: 'm-listed' }, channelId: undefined, reason: 'exempt_member', detail: 'm-listed' },
  { given: 'an exempt role', member: { id: 'm-mod', roles: ['regular', 'moderator'] }, channelId: undefined, reason: 'exempt_role', detail: 'moderator' },
  { given: 'an exempt channel', member: { id: 'm-any' }, channelId: 'c-official', reason: 'exempt_channel', detail: 'c-official' },
] satisfies { given: string; member: Partial<ChatMember>; channelId: string | undefined; reason: string; detail: string }[];

describe('exempt senders get no strike', () => {
  it.each(EXEMPT)('GIVEN $given posting a rumor three times AND showRefutation THEN no strike, no warn or mute, the refutation is shown', async ({ member, channelId, reason, detail }) => {
    const h = await enforcing({ exemptions: EXEMPTIONS });
    for (let i = 0; i < 3; i++) {
      const d = await h.post({ member, ...(channelId ? { channelId } : {}) });
      expect(d.strikes).toEqual({ before: 0, after: 0 });
      expect(typesOf(d.actions)).toEqual(['log', 'reply_refutation']);
      expect(d.withheld).toEqual([]);
      expect(ruleOf(d, 'exemption')).toEqual({ rule: 'exemption', fired: true, reason, detail });
      expect(ruleOf(d, 'exempt_refutation')).toEqual({ rule: 'exempt_refutation', fired: true, reason: 'exempt_shown' });
      expect(ruleOf(d, 'ladder')).toBeUndefined();
      h.advance(PAST_REPEAT_WINDOW);
    }
    expect(await h.engine.strikesOf('g-1', member.id)).toEqual([]);
  });

  it.each(EXEMPT)('GIVEN $given AND showRefutation false THEN nothing but the log', async ({ member, channelId }) => {
    const h = await enforcing({ exemptions: { ...EXEMPTIONS, showRefutation: false } });
    const d = await h.post({ member, ...(channelId ? { channelId } : {}) });
    expect(typesOf(d.actions)).toEqual(['log']);
    expect(d.withheld).toEqual([]);
    expect(d.strikes).toEqual({ before: 0, after: 0 });
    expect(ruleOf(d, 'exempt_refutation')).toEqual({ rule: 'exempt_refutation', fired: false, reason: 'exempt_hidden' });
  });

  it('GIVEN an exempt refutation THEN its detail names the exemption, not a strike', async () => {
    const h = await enforcing({ exemptions: EXEMPTIONS });
    const d = await h.post({ member: { id: 'm-admin', isAdmin: true } });
    expect(d.actions.find((a) => a.type === 'reply_refutation')?.detail).toMatch(/^the member is a group admin \(exempt\); matched "/);
  });
});

describe('non-exempt senders in the same group', () => {
  it.each([
    { given: 'a plain member', member: { id: 'm-plain' }, channelId: undefined },
    { given: 'a member whose role is not exempt', member: { id: 'm-plain', roles: ['regular'] }, channelId: undefined },
    { given: 'a member in another channel', member: { id: 'm-plain' }, channelId: 'c-general' },
    { given: 'a member named like an exempt id', member: { id: 'm-plain', name: 'm-listed' }, channelId: undefined },
    { given: 'a member whose isAdmin is false', member: { id: 'm-plain', isAdmin: false }, channelId: undefined },
  ])('GIVEN $given THEN the rumor is a strike', async ({ member, channelId }) => {
    const h = await enforcing({ exemptions: EXEMPTIONS });
    await h.post({ member: { id: 'm-admin', isAdmin: true } });
    h.advance(PAST_REPEAT_WINDOW);
    const d = await h.post({ member, ...(channelId ? { channelId } : {}) });
    expect(d.strikes).toEqual({ before: 0, after: 1 });
    expect(ruleOf(d, 'exemption')).toEqual({ rule: 'exemption', fired: false, reason: 'not_exempt' });
    expect(await h.engine.strikesOf('g-1', 'm-plain')).toHaveLength(1);
  });

  it('GIVEN exemptions.admins false THEN an admin gets strikes and the ladder like anyone', async () => {
    const h = await enforcing({ exemptions: { ...EXEMPTIONS, admins: false } });
    await h.post({ member: { id: 'm-admin', isAdmin: true } });
    const d = await h.post({ member: { id: 'm-admin', isAdmin: true }, text: TEXT.garlic });
    expect(d.strikes).toEqual({ before: 1, after: 2 });
    expect(typesOf(d.actions)).toEqual(['log', 'reply_refutation', 'warn']);
  });
});
