import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import { type HttpLogger, pinoHttp } from 'pino-http';

/** Probed every few seconds by Kubernetes and Prometheus: logging them would drown the rest. */
const QUIET_PATHS = new Set(['/health/live', '/health/ready', '/metrics']);

const pathOf = (request: IncomingMessage): string => ((request as IncomingMessage & { originalUrl?: string }).originalUrl ?? request.url ?? '').split('?')[0] ?? '';

/**
 * One JSON line per completed request (pino-http: `req`, `res`, `responseTime`, with the
 * Authorization header redacted by the root logger), carrying the caller's `x-correlation-id`.
 */
export function requestLogger(logger: Logger): HttpLogger {
  return pinoHttp({
    logger,
    autoLogging: { ignore: (request) => QUIET_PATHS.has(pathOf(request)) },
    customProps: (request) => ({ correlationId: request.headers['x-correlation-id'] }),
  });
}
