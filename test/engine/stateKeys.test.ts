import { describe, expect, it } from 'vitest';
import { runAdminCommand } from '../../src/commands/adminCommands.js';
import { enforcing } from './harness.js';

const OWNER = { id: 'o1', name: 'Owner', isAdmin: true };

describe('ids holding ":" keep to their own state', () => {
  it('GIVEN member red:alice in group team and member alice in group team:red THEN neither sees nor pardons the other\'s strikes', async () => {
    const h = await enforcing({}, 'team:red');
    await h.engine.configure('team', { enabledActions: ['reply_refutation', 'log'] });
    await h.post({ groupId: 'team:red', member: { id: 'alice' } });
    await h.post({ groupId: 'team:red', member: { id: 'alice' }, messageId: 'second' });
    expect((await h.post({ groupId: 'team', member: { id: 'red:alice' } })).strikes).toEqual({ before: 0, after: 1 });

    expect(await runAdminCommand(h.engine, 'team', OWNER, '/rg strikes red:alice')).toMatchObject({ reply: expect.stringMatching(/^red:alice: 1 /) });
    expect(await runAdminCommand(h.engine, 'team', OWNER, '/rg pardon red:alice')).toMatchObject({ ok: true });
    expect(await h.engine.strikesOf('team', 'red:alice')).toEqual([]);
    expect(await h.engine.strikesOf('team:red', 'alice')).toHaveLength(2);
  });
});
