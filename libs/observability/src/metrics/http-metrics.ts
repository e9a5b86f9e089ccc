import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Counter, Histogram } from 'prom-client';
import type { MetricsRegistry } from './metrics.registry';

/** The route label of requests no route answered (unknown paths, static files of the docs UI, bodies refused before routing). */
export const UNMATCHED_ROUTE = 'unmatched';

/** Up to the OCPP call timeout (30 s), which a command endpoint may wait for the station's answer. */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

type RoutedRequest = IncomingMessage & { route?: { path?: unknown } };

/**
 * The route template that answered (`/api/stations/:id`), never the raw path: ids in labels
 * would make a series per station. Nest registers every route on the application with its full
 * path; its not-found handler sits in a prefix router as `*path`, and static files have no route.
 */
export function routeLabelOf(request: RoutedRequest): string {
  const path = request.route?.path;
  return typeof path === 'string' && path.startsWith('/') ? path : UNMATCHED_ROUTE;
}

/** Request counts and durations of the HTTP endpoints (REST, health, metrics), by method, route template and status. */
export class HttpMetrics {
  private readonly requests: Counter;
  private readonly durations: Histogram;

  constructor(metrics: MetricsRegistry) {
    this.requests = metrics.counter('csms_http_requests_total', 'HTTP requests answered, by method, route template and status', ['method', 'route', 'status']);
    this.durations = metrics.histogram(
      'csms_http_request_duration_seconds',
      'Time from receiving an HTTP request to the end of its response, by method, route template and status',
      ['method', 'route', 'status'],
      DURATION_BUCKETS,
    );
  }

  /** Express/Connect middleware: measures every request it sees until its response is done (or cut). */
  readonly middleware = (request: IncomingMessage, response: ServerResponse, next: () => void): void => {
    const started = process.hrtime.bigint();
    response.once('close', () => {
      const labels = { method: request.method ?? 'UNKNOWN', route: routeLabelOf(request), status: String(response.statusCode) };
      this.requests.inc(labels);
      this.durations.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
    });
    next();
  };
}
