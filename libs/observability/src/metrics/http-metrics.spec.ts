import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpMetrics, routeLabelOf } from './http-metrics';
import { MetricsRegistry } from './metrics.registry';

function request(method: string, routePath?: unknown): IncomingMessage {
  return { method, route: routePath === undefined ? undefined : { path: routePath } } as unknown as IncomingMessage;
}

function respond(metrics: HttpMetrics, incoming: IncomingMessage, statusCode: number): void {
  const response = Object.assign(new EventEmitter(), { statusCode }) as unknown as ServerResponse;
  let nextCalled = false;
  metrics.middleware(incoming, response, () => {
    nextCalled = true;
  });
  expect(nextCalled).toBe(true);
  response.emit('close');
}

describe('HTTP metrics', () => {
  it('labels a request with the route template that answered it, never the raw path', () => {
    expect(routeLabelOf(request('GET', '/api/stations/:id'))).toBe('/api/stations/:id');
    expect(routeLabelOf(request('GET', '*path'))).toBe('unmatched');
    expect(routeLabelOf(request('GET'))).toBe('unmatched');
    expect(routeLabelOf(request('GET', /regex/))).toBe('unmatched');
  });

  it('counts and times requests by method, route template and status in the registry /metrics serves', async () => {
    const registry = new MetricsRegistry();
    const metrics = new HttpMetrics(registry);
    respond(metrics, request('GET', '/api/stations/:id'), 200);
    respond(metrics, request('GET', '/api/stations/:id'), 200);
    respond(metrics, request('POST', '/api/stations/:id/commands/reset'), 415);
    respond(metrics, request('GET'), 404);
    const text = await registry.registry.metrics();
    expect(text).toContain('csms_http_requests_total{method="GET",route="/api/stations/:id",status="200"} 2');
    expect(text).toContain('csms_http_requests_total{method="POST",route="/api/stations/:id/commands/reset",status="415"} 1');
    expect(text).toContain('csms_http_requests_total{method="GET",route="unmatched",status="404"} 1');
    expect(text).toContain('csms_http_request_duration_seconds_count{method="GET",route="/api/stations/:id",status="200"} 2');
    expect(text).toMatch(/csms_http_request_duration_seconds_bucket\{le="30",method="GET",route="\/api\/stations\/:id",status="200"\} 2/);
  });

  it('shares its instruments when created twice on one registry', async () => {
    const registry = new MetricsRegistry();
    respond(new HttpMetrics(registry), request('GET', '/metrics'), 200);
    respond(new HttpMetrics(registry), request('GET', '/metrics'), 200);
    expect(await registry.registry.metrics()).toContain('csms_http_requests_total{method="GET",route="/metrics",status="200"} 2');
  });
});
