import { describe, expect, it } from 'vitest';
import { CliError } from '../../src/cli/cliError.js';
import { reportFailure } from '../../src/cli/reportFailure.js';
import { StoreError } from '../../src/store/storeError.js';

describe('reportFailure', () => {
  it('GIVEN a CliError THEN its message on one line and its exit code', () => {
    expect(reportFailure(new CliError('the ledger at memory: has no group "x"', 3), {})).toEqual({
      text: 'error: the ledger at memory: has no group "x"\n',
      exitCode: 3,
    });
  });

  it('GIVEN a StoreError THEN its message, which already hides the password, exit 1', () => {
    const error = new StoreError('unreachable', 'ledger store redis://:***@127.0.0.1:1: cannot connect: connect ECONNREFUSED 127.0.0.1:1');
    expect(reportFailure(error, {})).toEqual({ text: `error: ${error.message}\n`, exitCode: 1 });
  });

  it('GIVEN an unexpected error THEN one line with its name and message and how to see the stack, never the stack', () => {
    const error = new TypeError('cannot read properties of undefined (reading "id")\nsecond line');
    const report = reportFailure(error, {});
    expect(report.exitCode).toBe(1);
    expect(report.text).toBe(
      'error: unexpected failure: TypeError: cannot read properties of undefined (reading "id") second line (run again with RUMORGUARD_DEBUG=1 to see where it happened)\n',
    );
  });

  it('GIVEN RUMORGUARD_DEBUG=1 THEN the stack and cause, still without secrets', () => {
    const error = new Error('outer', { cause: new Error('inner from postgres://bot:hunter2@db/x') });
    const report = reportFailure(error, { RUMORGUARD_DEBUG: '1' });
    expect(report.text).toMatch(/Error: outer\n\s+at /);
    expect(report.text).toMatch(/inner from postgres:\/\/bot:\*\*\*@db\/x/);
    expect(report.text).not.toMatch(/hunter2/);
    expect(reportFailure(error, { RUMORGUARD_DEBUG: '0' }).text).not.toMatch(/\n\s+at /);
  });

  it('GIVEN a message quoting a token or the store password from the environment THEN they are replaced by ***', () => {
    const env = { TELEGRAM_BOT_TOKEN: '123456:ABC-secret', STORE_URL: 'redis://:s3cr3tpw@cache:6379' };
    const error = new Error('request to https://api.telegram.org/bot123456:ABC-secret/getMe failed; auth s3cr3tpw rejected');
    const report = reportFailure(error, env);
    expect(report.text).not.toMatch(/ABC-secret|s3cr3tpw/);
    expect(report.text).toMatch(/bot\*\*\*\/getMe failed; auth \*\*\* rejected/);
    expect(reportFailure(new CliError('no store at cache (password s3cr3tpw)'), env).text).toBe('error: no store at cache (password ***)\n');
  });

  it('GIVEN a message naming the file a secret is kept in (LEDGER_KEY_FILE) THEN the path is shown: a path is no secret', () => {
    // Regression (QA L10): "--out *** is the ledger signing key".
    const env = { LEDGER_KEY_FILE: '/tmp/qa7/key.pem', TELEGRAM_BOT_TOKEN: '123456:ABC-secret' };
    const error = new CliError('--out /tmp/qa7/key.pem is the ledger signing key (LEDGER_KEY_FILE); token 123456:ABC-secret');
    expect(reportFailure(error, env).text).toBe('error: --out /tmp/qa7/key.pem is the ledger signing key (LEDGER_KEY_FILE); token ***\n');
  });
});
