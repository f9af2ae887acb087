import { describe, expect, it } from 'vitest';
import { harness, TEXT } from '../engine/harness.js';

// Issue 13 row 14: store keys were joined with ":" unescaped: member `red:alice` in group `team`
// read and pardoned the strikes of `alice` in group `team:red`.

describe('store keys', () => {
  it('GIVEN strikes of red:alice in team and of alice in team:red THEN each reads and pardons only its own', async () => {
    const h = harness();
    await h.post({ groupId: 'team', member: { id: 'red:alice', name: 'A' } });
    h.advance(11 * 60_000);
    await h.post({ groupId: 'team:red', member: { id: 'alice', name: 'B' }, text: TEXT.garlic });
    h.advance(11 * 60_000);
    await h.post({ groupId: 'team:red', member: { id: 'alice', name: 'B' }, text: TEXT.gates });
    expect(await h.engine.strikesOf('team', 'red:alice')).toHaveLength(1);
    expect(await h.engine.strikesOf('team:red', 'alice')).toHaveLength(2);
    expect(await h.engine.pardon('team', 'red:alice')).toBe(1);
    expect(await h.engine.strikesOf('team:red', 'alice')).toHaveLength(2);
  });
});
