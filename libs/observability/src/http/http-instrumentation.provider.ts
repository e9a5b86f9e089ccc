import type { Provider } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Logger } from 'pino';
import { requestLogger } from '../logging/request-logger';
import { ROOT_LOGGER } from '../logging/root-logger';
import { HttpMetrics } from '../metrics/http-metrics';
import { MetricsRegistry } from '../metrics/metrics.registry';

export const HTTP_INSTRUMENTATION = Symbol('HTTP_INSTRUMENTATION');

/**
 * Request logging and HTTP metrics as the first middleware of the HTTP application, so that they
 * see every request: installed while Nest creates the application, before it adds its body
 * parsers and routes. A Nest middleware (MiddlewareConsumer) would run after the body parser, so
 * a request whose body it refuses would be neither logged nor counted, and only under the global
 * prefix. Without an HTTP server (an application context) there is nothing to install.
 */
export const httpInstrumentationProvider: Provider = {
  provide: HTTP_INSTRUMENTATION,
  inject: [HttpAdapterHost, MetricsRegistry, ROOT_LOGGER],
  useFactory: (host: HttpAdapterHost, metrics: MetricsRegistry, logger: Logger): boolean => {
    const adapter = host.httpAdapter as HttpAdapterHost['httpAdapter'] | undefined;
    if (adapter === undefined) return false;
    adapter.use(requestLogger(logger));
    adapter.use(new HttpMetrics(metrics).middleware);
    return true;
  },
};
