import { createHash } from 'node:crypto';
import { encodingsOf, findLeaks } from './secret-scan';
import { isRedactionMarker } from './e2e-run';

const SECRET = 'station-pa"ss\\word-Ünï/+?&=';

function logLine(message: string): string {
  return `{"level":30,"time":1767000000000,"msg":${JSON.stringify(message)}}\n`;
}

describe('secret scan of captured logs', () => {
  const planted: [string, string, string][] = [
    ['raw (a plain-text file)', `connecting with ${SECRET}\n`, 'plain'],
    ['inside a JSON log line', logLine(`connecting with ${SECRET}`), 'JSON-escaped'],
    ['URL-encoded', logLine(`GET /login?password=${encodeURIComponent(SECRET)}`), 'URL-encoded'],
    ['as hex', logLine(`bytes ${Buffer.from(SECRET).toString('hex')}`), 'hex'],
    ['as upper-case hex', logLine(`bytes ${Buffer.from(SECRET).toString('hex').toUpperCase()}`), 'HEX'],
    ['as base64 of user:password (Basic auth)', logLine(`authorization: Basic ${Buffer.from(`CP-0001:${SECRET}`).toString('base64')}`), 'base64'],
    ['as base64 at offset 0', logLine(Buffer.from(`abc${SECRET}`).toString('base64')), 'base64'],
    ['as base64 at offset 1', logLine(Buffer.from(`a${SECRET}`).toString('base64')), 'base64'],
    ['as base64 at offset 2', logLine(Buffer.from(`ab${SECRET}`).toString('base64')), 'base64'],
    ['as base64url', logLine(Buffer.from(`abc${SECRET}`).toString('base64url')), 'base64url'],
  ];

  it.each(planted)('finds a planted secret written %s', (_case, log, form) => {
    const leaks = findLeaks([SECRET], `started\n${log}stopped\n`, 'connection-1.log');
    expect(leaks).toEqual([{ secret: 'sta… (27 characters)', form, source: 'connection-1.log', line: 2 }]);
  });

  it('finds nothing in a log that holds only the secret’s hash', () => {
    const hash = createHash('sha256').update(SECRET).digest('hex');
    expect(findLeaks([SECRET], logLine(`token sha256 ${hash}`) + logLine('station CP-0001 connected'), 'x.log')).toEqual([]);
  });

  it('does not take the redaction marker an answer shows in place of a secret for a secret (it is in every log)', () => {
    expect(isRedactionMarker('[redacted]')).toBe(true);
    expect(isRedactionMarker('[redacted]-but-real')).toBe(false);
    expect(isRedactionMarker('station-password-0123')).toBe(false);
  });

  it('skips values too short to tell from chance', () => {
    expect(findLeaks(['abc'], logLine('abcabc'), 'x.log')).toEqual([]);
  });

  it('searches base64 forms that do not depend on the surrounding bytes', () => {
    const cores = encodingsOf('0123456789').filter(({ form }) => form === 'base64').map(({ text }) => text);
    for (const prefix of ['', 'x', 'xy', 'xyz']) {
      const encoded = Buffer.from(`${prefix}0123456789!`).toString('base64');
      expect(cores.some((core) => encoded.includes(core))).toBe(true);
    }
  });
});
