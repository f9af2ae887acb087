import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, loggedError, redactSecrets } from '../../src/lib/logger.js';

const TOKEN = '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, destination };
}

describe('logger', () => {
  it('GIVEN an error whose message and stack quote the Bot API URL THEN the token is not in the log line', () => {
    const { lines, destination } = capture();
    const log = createLogger({ level: 'info', secrets: [TOKEN], destination });
    const err = new Error(`request to https://api.telegram.org/bot${TOKEN}/sendMessage failed`, {
      cause: new Error(`connect ECONNREFUSED for bot${TOKEN}`),
    });
    log.error({ err, url: `https://api.telegram.org/bot${TOKEN}/getMe` }, `send failed for ${TOKEN}`);
    const line = lines.join('');
    expect(line).toContain('sendMessage failed');
    expect(line).toContain('[redacted]');
    expect(line).not.toContain(TOKEN);
    expect(line).not.toContain('AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw');
  });

  it('GIVEN a failed Discord interaction answer THEN neither its token (in the URL) nor the body it sent (an admin\'s private answer, a login link) is in the log line', () => {
    const { lines, destination } = capture();
    const log = createLogger({ level: 'info', secrets: [TOKEN], destination });
    const interactionToken = 'aW50ZXJhY3Rpb246MTU3OTMyNjgyMTAzMDI5NzYwMDpBQkNERUY';
    const loginToken = 'uwO-7HH6abcdefghijklmnopqrstuvwxyz0123456789'.slice(0, 43);
    const err = Object.assign(new Error('Unknown interaction'), {
      url: `https://discord.com/api/v10/webhooks/900000000000000001/${interactionToken}/messages/%40original`,
      method: 'PATCH',
      status: 404,
      requestBody: { files: [], json: { content: `Your login link: http://127.0.0.1:8787/login/${loginToken}` } },
    });
    log.error({ err }, 'discord: interaction failed');
    log.warn({ url: `https://discord.com/api/v10/interactions/1579326821030297600/${interactionToken}/callback` }, 'ack failed');
    log.info(`link http://127.0.0.1:8787/login/${loginToken} issued`);
    const line = lines.join('');
    expect(line).not.toContain(interactionToken);
    expect(line).not.toContain(loginToken);
    expect(line).toContain('/webhooks/900000000000000001/[redacted]/messages');
    expect(line).toContain('/interactions/1579326821030297600/[redacted]/callback');
    expect(line).toContain('"requestBody":"[redacted]"');
    expect(line).toContain('Unknown interaction');
    expect(line).toContain('"status":404');
  });

  it('GIVEN a short secret THEN it is not used for redaction (it would mangle ordinary text)', () => {
    expect(redactSecrets('value 1 and 12', ['1'])).toBe('value 1 and 12');
  });

  it('GIVEN the level silent THEN nothing is written', () => {
    const { lines, destination } = capture();
    createLogger({ level: 'silent', secrets: [TOKEN], destination }).error('boom');
    expect(lines).toEqual([]);
  });

  it('GIVEN an ordinary condition with a code (a port in use, a 401) THEN the log line has its message and code, no stack; an unexpected error keeps its stack', () => {
    const inUse = Object.assign(new Error('listen EADDRINUSE: address already in use 127.0.0.1:8787'), { code: 'EADDRINUSE' });
    expect(loggedError(inUse)).toEqual({ type: 'Error', message: 'listen EADDRINUSE: address already in use 127.0.0.1:8787', code: 'EADDRINUSE' });
    const revoked = Object.assign(new Error('401: Unauthorized'), { response: { error_code: 401 } });
    expect(loggedError(revoked)).toEqual({ type: 'Error', message: '401: Unauthorized', code: 401 });
    const bug = new TypeError('x is undefined');
    expect(loggedError(bug)).toBe(bug);
  });
});
