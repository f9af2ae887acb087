import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runPlayground } from '../../adapters/console/playground.js';
import { FeedbackQueue } from '../../src/feedback/feedbackQueue.js';
import { Ledger } from '../../src/ledger/ledger.js';
import { memoryLedgerBackend } from '../../src/ledger/ledgerBackend.js';
import { Recorder } from '../../src/ledger/recorder.js';
import { Spool } from '../../src/ledger/spool.js';
import { Moderator } from '../../src/moderation/moderator.js';
import { memoryStore } from '../../src/store/keyvStore.js';
import { harness } from '../engine/harness.js';

// Issue 13 row 15: the playground's /ledger has no admin check and /as owner makes anyone admin:
// fine for a local console, but its help must say so.

describe('playground help', () => {
  it('GIVEN /help THEN it says /ledger and /as owner are for this local console only, never reachable from a network', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let out = '';
    output.on('data', (c: Buffer) => (out += c.toString()));
    const ledger = new Ledger(memoryLedgerBackend());
    const spool = new Spool(path.join(mkdtempSync(path.join(tmpdir(), 'rg-help-')), 'spool.jsonl'));
    const done = runPlayground({ moderator: new Moderator(harness().engine, new Recorder(ledger, spool), new FeedbackQueue(memoryStore())), ledger, input, output });
    input.end('/help\n');
    await done;
    expect(out).toMatch(/\/ledger has no admin check and \/as owner\s+makes you the admin/);
    expect(out).toMatch(/never reachable from a network/);
  });
});
