import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { crlPem } from './crl-document';
import { CrlFetcher, nextFetchDelay } from './crl-fetcher';

/** DER of one TLV (short lengths: these CRLs are small). */
const tlv = (tag: number, content: Buffer) => Buffer.concat([Buffer.from([tag, content.length]), content]);

/** An (unsigned) CRL of `issuer` whose nextUpdate is `nextUpdate` (GeneralizedTime). */
function crl(issuer: string, nextUpdate: string): Buffer {
  const algorithm = tlv(0x30, tlv(0x06, Buffer.from('2a8648ce3d040302', 'hex')));
  const name = tlv(0x30, tlv(0x31, tlv(0x30, Buffer.concat([tlv(0x06, Buffer.from('550403', 'hex')), tlv(0x0c, Buffer.from(issuer))]))));
  const tbs = tlv(0x30, Buffer.concat([tlv(0x02, Buffer.from([1])), algorithm, name, tlv(0x18, Buffer.from('20261206000000Z')), tlv(0x18, Buffer.from(nextUpdate))]));
  return tlv(0x30, Buffer.concat([tbs, algorithm, tlv(0x03, Buffer.from([0, 1, 2]))]));
}

describe('CrlFetcher', () => {
  const served = new Map<string, Buffer | number>();
  let server: Server;
  let base: string;
  let dir: string;

  beforeAll(async () => {
    server = createServer((request, response) => {
      const body = served.get(request.url ?? '');
      if (body === undefined || typeof body === 'number') response.writeHead(typeof body === 'number' ? body : 404).end();
      else response.writeHead(200, { 'content-type': 'application/pkix-crl' }).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    dir = mkdtempSync(path.join(tmpdir(), 'crl-fetcher-'));
  });

  afterAll(() => {
    server.closeAllConnections();
    server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes all CRLs as PEM, reloads only on a change, and keeps the previous file when one CRL cannot be fetched', async () => {
    const file = path.join(dir, 'crls.pem');
    let reloads = 0;
    const fetched: number[] = [];
    const fetcher = new CrlFetcher({
      urls: [`${base}/root`, `${base}/sub`],
      file,
      refreshMs: 3_600_000,
      logger: pino({ level: 'silent' }),
      onWritten: () => (reloads += 1),
      onFetched: (crls) => fetched.push(crls.length),
    });
    const now = () => new Date('2026-12-06T01:00:00Z');
    served.set('/root', crl('root', '20261207000000Z'));
    served.set('/sub', crl('sub', '20261206030000Z'));

    // The sub-CA's CRL expires in 2 h: fetched again in 1 h, sooner than the refresh period.
    expect(await fetcher.fetchOnce(now)).toBe(3_600_000);
    expect(readFileSync(file, 'utf8')).toBe(crlPem(crl('root', '20261207000000Z')) + crlPem(crl('sub', '20261206030000Z')));
    expect(reloads).toBe(1);
    expect(await fetcher.fetchOnce(() => new Date('2026-12-06T02:00:00Z'))).toBe(1_800_000);
    expect(reloads).toBe(1);
    // Open connections are checked after every fetch, unchanged CRLs included.
    expect(fetched).toEqual([2, 2]);

    served.set('/sub', crl('sub', '20261207030000Z'));
    await fetcher.fetchOnce(now);
    expect(readFileSync(file, 'utf8')).toContain(crlPem(crl('sub', '20261207030000Z')));
    expect(reloads).toBe(2);

    const before = readFileSync(file, 'utf8');
    served.set('/sub', 503);
    expect(await fetcher.fetchOnce(now)).toBe(30_000);
    served.set('/sub', Buffer.from('<html>maintenance</html>'));
    expect(await fetcher.fetchOnce(now)).toBe(30_000);
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(reloads).toBe(2);
    expect(fetched).toEqual([2, 2, 2]);
    expect(readdirSync(dir)).toEqual(['crls.pem']);
  });

  it('replaces a file it did not write', async () => {
    const file = path.join(dir, 'stale.pem');
    writeFileSync(file, 'stale');
    served.set('/root', crl('root', '20261207000000Z'));
    const fetcher = new CrlFetcher({ urls: [`${base}/root`], file, refreshMs: 60_000, logger: pino({ level: 'silent' }), onWritten: () => undefined });
    await fetcher.fetchOnce();
    expect(readFileSync(file, 'utf8')).toBe(crlPem(crl('root', '20261207000000Z')));
  });
});

describe('nextFetchDelay', () => {
  const now = new Date('2026-12-06T00:00:00Z');
  const hour = 3_600_000;

  it('waits the refresh period when the CRLs are fresh or name no nextUpdate', () => {
    expect(nextFetchDelay(now, new Date(now.getTime() + 24 * hour), hour)).toBe(hour);
    expect(nextFetchDelay(now, undefined, hour)).toBe(hour);
  });

  it('fetches before the earliest nextUpdate, halving the time left, but never in a tight loop', () => {
    expect(nextFetchDelay(now, new Date(now.getTime() + hour), 2 * hour)).toBe(hour / 2);
    expect(nextFetchDelay(now, new Date(now.getTime() + 4_000), hour)).toBe(5_000);
    expect(nextFetchDelay(now, new Date(now.getTime() - hour), hour)).toBe(5_000);
  });
});
