import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, redactSecrets } from '../../src/lib/logger.js';

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

  it('GIVEN a short secret THEN it is not used for redaction (it would mangle ordinary text)', () => {
    expect(redactSecrets('value 1 and 12', ['1'])).toBe('value 1 and 12');
  });

  it('GIVEN the level silent THEN nothing is written', () => {
    const { lines, destination } = capture();
    createLogger({ level: 'silent', secrets: [TOKEN], destination }).error('boom');
    expect(lines).toEqual([]);
  });
});
