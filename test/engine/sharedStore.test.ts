import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runAdminCommand } from '../../src/commands/adminCommands.js';
import { SETTINGS_CACHE_MS } from '../../src/engine/engine.js';
import { FeedbackQueue } from '../../src/feedback/feedbackQueue.js';
import type { KeyValueStore } from '../../src/store/keyValueStore.js';
import { BACKENDS, StoreSession, removeTempFiles, runNamespace } from '../store/backends.js';
import { ALL_ACTIONS, harness } from './harness.js';

const OWNER = { id: 'o1', name: 'Owner', isAdmin: true };
const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

afterAll(removeTempFiles);

/**
 * Two Engines, each with its own connection to one store: what two bot processes serving one
 * group are, minus the processes (twoProcesses.test.ts has those). Each Engine's group lock
 * orders only its own work, so whatever keeps the store right here is the store's atomic update.
 */
describe.each(BACKENDS.map((b) => [b.backend, b] as const))('two Engines on one %s store', (_, backendCase) => {
  describe.skipIf(backendCase.skip !== undefined)(backendCase.skip ? `(skipped: ${backendCase.skip})` : 'lose nothing', () => {
    const run = runNamespace();
    let testNumber = 0;
    let session: StoreSession;
    let stores: [KeyValueStore, KeyValueStore];

    beforeEach(async () => {
      session = new StoreSession(backendCase);
      const namespace = `${run}-${++testNumber}`;
      const first = await session.open(namespace);
      // memory: is one store per open, so both Engines share the one instance.
      stores = [first, backendCase.sharedBetweenOpens ? await session.open(namespace) : first];
    });
    afterEach(() => session.cleanUp());

    it('GIVEN 2 × 10 rumors from one member at once THEN 20 strikes, and the 20 decisions saw counts 1..20 once each', async () => {
      const [a, b] = stores.map((store) => harness({ store }));
      await a!.engine.configure('g-1', { enabledActions: [...ALL_ACTIONS] });
      const decisions = await Promise.all(range(10).flatMap((i) => [a!.post({ messageId: `a-${i}` }), b!.post({ messageId: `b-${i}` })]));
      expect(await a!.engine.strikesOf('g-1', 'm-1')).toHaveLength(20);
      expect(decisions.map((d) => d.strikes.after).sort((x, y) => x - y)).toEqual(range(20));
      for (const d of decisions) expect(d.strikes.before).toBe(d.strikes.after - 1);
    });

    it('GIVEN both Engines evaluating the same message at once THEN it counts once', async () => {
      const [a, b] = stores.map((store) => harness({ store }));
      const message = a!.message({ messageId: 'redelivered' });
      const decisions = await Promise.all([a!.engine.evaluate(message), b!.engine.evaluate(message)]);
      // One of them counts it; the other finds it counted and does nothing more than log it.
      expect(decisions.filter((d) => d.strikes.after > d.strikes.before)).toHaveLength(1);
      expect(decisions.filter((d) => d.actions.some((x) => x.type === 'reply_refutation'))).toHaveLength(1);
      expect(await b!.engine.strikesOf('g-1', 'm-1')).toHaveLength(1);
    });

    it('GIVEN a pardon on one Engine while the other adds strikes THEN none of the later strikes is lost', async () => {
      const [a, b] = stores.map((store) => harness({ store }));
      await Promise.all(range(3).map((i) => a!.post({ messageId: `before-${i}` })));
      const [removed] = await Promise.all([b!.engine.pardon('g-1', 'm-1'), ...range(3).map((i) => a!.post({ messageId: `during-${i}` }))]);
      // The pardon came somewhere among the three: what it did not remove is still there.
      expect((await a!.engine.strikesOf('g-1', 'm-1')).length).toBe(6 - (removed as number));
    });

    it('GIVEN /rg enable warn on one Engine and /rg enable mute on the other at once THEN both stick', async () => {
      const [a, b] = stores.map((store) => harness({ store }));
      const results = await Promise.all([
        runAdminCommand(a!.engine, 'g-1', OWNER, '/rg enable warn'),
        runAdminCommand(b!.engine, 'g-1', OWNER, '/rg enable mute'),
        runAdminCommand(a!.engine, 'g-1', OWNER, '/rg exempt m-7'),
        runAdminCommand(b!.engine, 'g-1', OWNER, '/rg exempt m-8'),
      ]);
      expect(results.map((r) => r.ok)).toEqual([true, true, true, true]);
      const settings = await harness({ store: stores[0] }).engine.settingsFor('g-1');
      expect(settings.enabledActions).toEqual(expect.arrayContaining(['warn', 'mute']));
      expect([...settings.exemptions.members].sort()).toEqual(['m-7', 'm-8']);
    });

    it('GIVEN 2 × 5 members reporting one message at once through two queues THEN all 10 are queued', async () => {
      const [a, b] = stores.map((store) => new FeedbackQueue(store));
      const report = (by: string) => ({ kind: 'report' as const, groupId: 'g-1', messageId: 'msg-1', by: { id: by, name: by }, note: '' });
      const results = await Promise.all(range(5).flatMap((i) => [a!.add(report(`a-${i}`)), b!.add(report(`b-${i}`))]));
      expect(results.every((r) => r.ok)).toBe(true);
      expect(await b!.open('g-1')).toHaveLength(10);
    });

    it('GIVEN one Engine changes the mode THEN the other decides in that mode once its cached settings are SETTINGS_CACHE_MS old', async () => {
      const [a, b] = stores.map((store) => harness({ store }));
      await b!.engine.configure('g-1', { enabledActions: [...ALL_ACTIONS] });
      expect((await b!.post()).mode).toBe('enforce');
      await a!.engine.configure('g-1', { mode: 'observe' });
      b!.advance(SETTINGS_CACHE_MS - 1);
      expect((await b!.post({ messageId: 'still-cached' })).mode).toBe('enforce');
      b!.advance(1);
      expect((await b!.post({ messageId: 'read-again' })).mode).toBe('observe');
    });
  });
});
