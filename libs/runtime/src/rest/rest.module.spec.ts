import type { AddressInfo } from 'node:net';
import { NestPinoLogger, ObservabilityModule } from '@app/observability';
import { Body, Controller, type INestApplication, Module, Param, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import pino from 'pino';
import { z } from 'zod';
import { ProblemJsonFilter } from './problem-json.filter';
import { RestModule } from './rest.module';
import { ZodValidationPipe } from './zod-validation.pipe';

const thingBody = z.strictObject({ name: z.string() });

@Controller('things')
class ThingsController {
  @Post(':id')
  create(@Param('id') id: string, @Body(new ZodValidationPipe(thingBody, 'body')) body: z.output<typeof thingBody>) {
    return { id, ...body };
  }
}

@Module({ controllers: [ThingsController] })
class ThingsModule {}

/**
 * The HTTP edge every service shares, on a real Nest application set up as runServices sets it
 * up: the index at /api, JSON-only bodies, problem JSON, request metrics and logs.
 */
describe('REST edge', () => {
  const lines: Record<string, unknown>[] = [];
  let app: INestApplication;
  let base: string;

  const post = (body: NonNullable<Parameters<typeof fetch>[1]>['body'], headers: Record<string, string> = {}) => fetch(`${base}/api/things/7`, { method: 'POST', headers, body });
  const answer = async (response: Response) => ({ status: response.status, type: response.headers.get('content-type'), body: (await response.json()) as Record<string, unknown> });

  beforeAll(async () => {
    const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) });
    @Module({ imports: [ObservabilityModule.forRoot(logger), RestModule.forRoot({ title: 'CSMS test', version: '1' }), ThingsModule] })
    class RootModule {}
    app = await NestFactory.create(RootModule, { bufferLogs: true });
    app.useLogger(app.get(NestPinoLogger));
    app.setGlobalPrefix('api', { exclude: ['health/live', 'health/ready', 'metrics'] });
    app.useGlobalFilters(new ProblemJsonFilter(logger));
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  });

  afterAll(() => app?.close());

  it('answers GET /api with an index, without a token', async () => {
    const index = await answer(await fetch(`${base}/api`));
    expect(index).toMatchObject({
      status: 200,
      body: { title: 'CSMS test', version: '1', links: { docs: '/api/docs', openapi: '/api/docs/openapi.json' }, authentication: expect.stringContaining('Authorization: Bearer') },
    });
  });

  it.each([
    ['a form', 'name=box', { 'content-type': 'application/x-www-form-urlencoded' }, 'Content-Type application/x-www-form-urlencoded'],
    ['text', '{"name":"box"}', { 'content-type': 'text/plain' }, 'Content-Type text/plain'],
    ['no Content-Type', new TextEncoder().encode('{"name":"box"}'), {}, 'no Content-Type'],
  ])('answers 415 problem JSON to a body sent as %s', async (_case, body, headers, named) => {
    const refused = await answer(await post(body, headers));
    expect(refused).toMatchObject({ status: 415, type: expect.stringMatching(/^application\/problem\+json/), body: { code: 'unsupported-media-type', instance: '/api/things/7' } });
    expect(refused.body.detail).toContain(named);
  });

  it('answers 400 saying the body is not valid JSON when it is not', async () => {
    const refused = await answer(await post('{"name": ', { 'content-type': 'application/json' }));
    expect(refused).toMatchObject({ status: 400, body: { code: 'malformed-json', detail: expect.stringMatching(/^the request body is not valid JSON: /) } });
  });

  it('takes a JSON body, and no body at all as an empty one', async () => {
    expect(await answer(await post('{"name":"box"}', { 'content-type': 'application/json; charset=utf-8' }))).toMatchObject({ status: 201, body: { id: '7', name: 'box' } });
    expect(await answer(await post(undefined))).toMatchObject({ status: 400, body: { code: 'invalid-request', detail: expect.stringMatching(/^body\.name: /) } });
  });

  it('counts requests by route template in /metrics', async () => {
    // A request is counted when its response closes, which its client may see a moment before.
    const deadline = Date.now() + 10_000;
    let metrics = '';
    while (!metrics.includes('status="201"} 1') && Date.now() < deadline) metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toContain('csms_http_requests_total{method="GET",route="/api",status="200"}');
    expect(metrics).toContain('csms_http_requests_total{method="POST",route="/api/things/:id",status="415"} 3');
    expect(metrics).toContain('csms_http_requests_total{method="POST",route="/api/things/:id",status="201"} 1');
    expect(metrics).toMatch(/csms_http_request_duration_seconds_count\{method="POST",route="\/api\/things\/:id",status="201"\} 1/);
    expect(metrics).not.toContain('route="/api/things/7"');
  });

  it('logs Nest’s own lines and each request as JSON', () => {
    expect(lines).toEqual(expect.arrayContaining([expect.objectContaining({ level: 30, context: 'NestApplication', msg: 'Nest application successfully started' })]));
    expect(lines).toEqual(expect.arrayContaining([expect.objectContaining({ msg: 'request completed', req: expect.objectContaining({ url: '/api/things/7' }) })]));
  });
});
