import { describe, expect, it } from 'vitest';
import { Cooldown } from '../../src/lib/cooldown.js';

describe('Cooldown', () => {
  it('GIVEN a key taken THEN it is refused until the window has passed', () => {
    let t = 0;
    const c = new Cooldown(60_000, () => t);
    expect(c.take('a')).toBe(true);
    t = 59_999;
    expect(c.take('a')).toBe(false);
    expect(c.take('b')).toBe(true);
    t = 60_000;
    expect(c.take('a')).toBe(true);
  });

  it('GIVEN more keys than the bound THEN the oldest is forgotten', () => {
    const c = new Cooldown(60_000, () => 0, 2);
    c.take('a');
    c.take('b');
    c.take('c');
    expect(c.size).toBe(2);
    expect(c.take('a')).toBe(true); // forgotten, so free again
    expect(c.take('c')).toBe(false);
  });
});
