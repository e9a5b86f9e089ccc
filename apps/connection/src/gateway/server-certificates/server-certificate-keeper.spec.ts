import { createPrivateKey } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { FIRST_RETRY_DELAY_MS } from './renewal-timing';
import { ServerCertificateKeeper } from './server-certificate-keeper';

const TOKEN = 'keeper-spec-internal-token-0123456789';

describe('ServerCertificateKeeper', () => {
  let dir: string;
  let server: Server;
  let answer: (body: { csrPem: string; names: string[] }) => { status: number; body: unknown };
  const received: { authorization?: string; body: { csrPem: string; names: string[] } }[] = [];
  let logs = '';

  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'keeper-'));
    received.length = 0;
    logs = '';
    server = createServer((request, response) => {
      let text = '';
      request.on('data', (chunk: Buffer) => (text += chunk.toString()));
      request.on('end', () => {
        const body = JSON.parse(text) as { csrPem: string; names: string[] };
        received.push({ authorization: request.headers.authorization, body });
        const { status, body: reply } = answer(body);
        response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(reply));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });

  afterEach(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  const keeper = (onWritten: () => void) =>
    new ServerCertificateKeeper({
      pkiUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      internalApiToken: TOKEN,
      names: ['csms.example.com', '10.0.0.7'],
      slots: [
        { keyType: 'rsa', certFile: path.join(dir, 'rsa.pem'), keyFile: path.join(dir, 'rsa.key') },
        { keyType: 'ec', certFile: path.join(dir, 'ec.pem'), keyFile: path.join(dir, 'ec.key') },
      ],
      logger: pino({ level: 'info' }, { write: (line: string) => void (logs += line) }),
      onWritten,
    });

  it('writes a fresh key per type and its chain owner-only, reloads, and renews at 2/3 of the validity', async () => {
    const now = new Date();
    answer = (body) => ({ status: 201, body: { serialNumber: `serial-${received.length}`, notAfter: new Date(now.getTime() + 90_000).toISOString(), certificateChainPem: `chain for ${body.csrPem.length}` } });
    const onWritten = jest.fn();
    const delay = await keeper(onWritten).renewOnce(() => now);
    expect(delay).toBe(60_000);
    expect(onWritten).toHaveBeenCalledTimes(1);
    expect(received.map((request) => [request.authorization, request.body.names])).toEqual([
      [`Bearer ${TOKEN}`, ['csms.example.com', '10.0.0.7']],
      [`Bearer ${TOKEN}`, ['csms.example.com', '10.0.0.7']],
    ]);
    expect(createPrivateKey(readFileSync(path.join(dir, 'rsa.key'))).asymmetricKeyType).toBe('rsa');
    expect(createPrivateKey(readFileSync(path.join(dir, 'ec.key'))).asymmetricKeyType).toBe('ec');
    expect(readFileSync(path.join(dir, 'rsa.pem'), 'utf8')).toMatch(/^chain for \d+$/);
    for (const name of ['rsa.key', 'ec.key', 'rsa.pem', 'ec.pem']) expect(statSync(path.join(dir, name)).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir).sort()).toEqual(['ec.key', 'ec.pem', 'rsa.key', 'rsa.pem']);
    expect(logs).toContain('new TLS server certificates from the PKI');
    expect(logs).not.toContain('PRIVATE KEY');
  });

  it('keeps the current files when the PKI refuses, and retries with backoff', async () => {
    for (const name of ['rsa.key', 'ec.key', 'rsa.pem', 'ec.pem']) writeFileSync(path.join(dir, name), `old ${name}`);
    answer = () => ({ status: 422, body: { detail: 'names: "csms.example.com" is not in the gateway names' } });
    const onWritten = jest.fn();
    const subject = keeper(onWritten);
    expect(await subject.renewOnce()).toBe(FIRST_RETRY_DELAY_MS);
    expect(await subject.renewOnce()).toBe(2 * FIRST_RETRY_DELAY_MS);
    expect(onWritten).not.toHaveBeenCalled();
    for (const name of ['rsa.key', 'ec.key', 'rsa.pem', 'ec.pem']) expect(readFileSync(path.join(dir, name), 'utf8')).toBe(`old ${name}`);
    expect(readdirSync(dir)).toHaveLength(4);
    expect(logs).toContain('HTTP 422');
    expect(logs).not.toContain('PRIVATE KEY');
  });

  it('writes nothing when only one of the two certificates is issued', async () => {
    answer = (body) => (received.length === 1 ? { status: 201, body: { serialNumber: '01', notAfter: new Date(Date.now() + 90_000).toISOString(), certificateChainPem: body.csrPem } } : { status: 503, body: {} });
    const onWritten = jest.fn();
    await keeper(onWritten).renewOnce();
    expect(onWritten).not.toHaveBeenCalled();
    expect(readdirSync(dir)).toEqual([]);
  });
});
