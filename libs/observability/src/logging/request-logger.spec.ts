import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { requestLogger } from './request-logger';

/** The line is written when the response finishes, which the client may see a moment before: wait for it. */
async function lineFor(lines: Record<string, unknown>[], url: string): Promise<Record<string, unknown>> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const line = lines.find((entry) => (entry.req as { url?: string } | undefined)?.url === url);
    if (line !== undefined || Date.now() > deadline) return line ?? {};
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('requestLogger', () => {
  const lines: Record<string, unknown>[] = [];
  let server: Server;
  let base: string;

  beforeAll(async () => {
    const root = pino({ level: 'info', redact: ['req.headers.authorization'] }, { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) });
    const log = requestLogger(root);
    server = createServer((request, response) => log(request, response, () => response.end('ok')));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('logs each completed request once, with its correlation id and without the bearer token', async () => {
    await (await fetch(`${base}/api/stations?limit=5`, { headers: { 'x-correlation-id': 'corr-1', authorization: 'Bearer secret-token' } })).text();
    const line = await lineFor(lines, '/api/stations?limit=5');
    expect(line).toMatchObject({ msg: 'request completed', correlationId: 'corr-1', req: { method: 'GET' }, res: { statusCode: 200 }, responseTime: expect.any(Number) });
    expect(JSON.stringify(line)).not.toContain('secret-token');
  });

  it('keeps the health probes and metrics scrapes out of the log', async () => {
    const before = lines.length;
    for (const path of ['/health/live', '/health/ready', '/metrics', '/metrics?name[]=x']) await (await fetch(`${base}${path}`)).text();
    await (await fetch(`${base}/api`)).text();
    await lineFor(lines, '/api');
    expect(lines.slice(before).map((entry) => (entry.req as { url?: string }).url)).toEqual(['/api']);
  });
});
