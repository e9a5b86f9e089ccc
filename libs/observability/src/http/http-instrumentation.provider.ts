import type { Provider } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Logger } from 'pino';
import { requestLogger } from '../logging/request-logger';
import { ROOT_LOGGER } from '../logging/root-logger';

export const HTTP_INSTRUMENTATION = Symbol('HTTP_INSTRUMENTATION');

/**
 * Request logging as the first middleware of the HTTP application, so that it sees every
 * request: installed while Nest creates the application, before it adds its body parsers and
 * routes. A Nest middleware (MiddlewareConsumer) would run after the body parser, so a request
 * whose body it refuses would not be logged, and only under the global prefix. Without an HTTP
 * server (an application context) there is nothing to install.
 */
export const httpInstrumentationProvider: Provider = {
  provide: HTTP_INSTRUMENTATION,
  inject: [HttpAdapterHost, ROOT_LOGGER],
  useFactory: (host: HttpAdapterHost, logger: Logger): boolean => {
    const adapter = host.httpAdapter as HttpAdapterHost['httpAdapter'] | undefined;
    if (adapter === undefined) return false;
    adapter.use(requestLogger(logger));
    return true;
  },
};
