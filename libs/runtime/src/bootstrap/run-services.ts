import 'reflect-metadata';
import { ConfigError, type ProcessLayout, type RuntimeConfig, loadConfig } from '@app/config';
import { HealthRegistry, NestPinoLogger, type Tracing, createRootLogger, startTracing } from '@app/observability';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Logger } from 'pino';
import { type LoadedApiTokens, loadApiTokens } from '../auth/api-token.loader';
import { corsMiddleware } from '../rest/cors.middleware';
import { ProblemJsonFilter } from '../rest/problem-json.filter';
import { mountOpenApi } from './openapi';
import { processRootModule } from './root-module';
import { startupFailureOf } from './startup-failure';
import type { ServiceDefinition } from './service-definition';

/** The largest JSON request body the REST APIs take; larger ones are answered 413. */
export const JSON_BODY_LIMIT = '1mb';

export interface RunningProcess {
  app: INestApplication;
  config: RuntimeConfig;
  urls: Record<string, string>;
  /** Where the REST API tokens came from; embedded: the file with the generated admin token. */
  apiTokens: Pick<LoadedApiTokens, 'origin' | 'adminTokenFile'>;
}

/**
 * Starts the given services in this process: validates the configuration
 * (a bad value exits with one line naming the variable), builds the Nest
 * application, serves HTTP and stops cleanly on SIGTERM/SIGINT.
 */
export async function runServices(layout: Omit<ProcessLayout, 'services'>, services: ServiceDefinition[]): Promise<RunningProcess> {
  const config = configOrExit({ ...layout, services: services.map((service) => service.name) });
  const apiTokens = orExit(() => loadApiTokens(config.apiTokens));
  const logger = createRootLogger(config);
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection'));
  try {
    // Before Nest builds anything, so that every span-making path sees the registered SDK.
    const tracing = await startTracing(config.observability.tracing, logger);
    logger.info({ services: services.map((service) => service.name), messaging: config.messaging.kind, database: config.database.kind }, 'starting');
    // A failed start reaches the catch below (abortOnError), and Nest's buffered logs, with its own
    // stack trace of the failure, are printed only once the start succeeded (autoFlushLogs).
    const app = await NestFactory.create<NestExpressApplication>(processRootModule(config, logger, services, apiTokens), {
      bufferLogs: true,
      autoFlushLogs: false,
      abortOnError: false,
    });
    app.useLogger(app.get(NestPinoLogger));
    app.flushLogs();
    // Before everything else: a preflight carries no token and must be answered before the guards.
    app.use(corsMiddleware(config.cors.allowedOrigins));
    for (const service of services) service.mountHttp?.(app, config, logger);
    // A limit schedule of 1,000 slots or a site's whole tree exceeds the parser's default 100 kB.
    app.useBodyParser('json', { limit: JSON_BODY_LIMIT });
    app.setGlobalPrefix('api', { exclude: ['health/live', 'health/ready', 'metrics'] });
    app.useGlobalFilters(new ProblemJsonFilter(logger.child({ component: 'http' })));
    mountOpenApi(app, services);
    await app.listen(config.http.port, config.http.host);
    stopOnSignals(app, config, logger, tracing);
    const base = `http://${config.http.host === '0.0.0.0' ? 'localhost' : config.http.host}:${config.http.port}`;
    const urls = { api: `${base}/api`, docs: `${base}/api/docs`, ready: `${base}/health/ready`, metrics: `${base}/metrics` };
    logger.info({ urls, messaging: config.messaging.kind, database: config.database.kind, apiTokens: { origin: apiTokens.origin, count: apiTokens.tokens.size }, oidc: config.oidc === undefined ? 'off' : { issuer: config.oidc.issuer, audience: config.oidc.audience } }, 'serving');
    if (apiTokens.origin === 'none' && config.oidc === undefined) logger.warn('API_TOKENS_FILE is not set: the REST API answers 401 to every request');
    else if (apiTokens.origin === 'none') logger.warn('API_TOKENS_FILE is not set: the REST API accepts OIDC access tokens only');
    return { app, config, urls, apiTokens: { origin: apiTokens.origin, adminTokenFile: apiTokens.adminTokenFile } };
  } catch (error) {
    const { failure, remedy } = startupFailureOf(error, config);
    logger.debug({ err: error }, 'start-up failure details');
    logger.fatal({ failure, remedy }, 'start-up failed');
    logger.flush();
    process.stderr.write(`start-up failed: ${failure}; ${remedy}\n`);
    process.exit(1);
  }
}

function configOrExit(layout: ProcessLayout): RuntimeConfig {
  return orExit(() => loadConfig(layout, process.env));
}

/** A configuration problem stops the process with one line naming the variable. */
function orExit<T>(load: () => T): T {
  try {
    return load();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}

function stopOnSignals(app: INestApplication, config: RuntimeConfig, logger: Logger, tracing: Tracing): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    // Not ready at once: the Service stops routing here while the modules wind down (a gateway drains, ADR 045).
    app.get(HealthRegistry, { strict: false }).stopServing(`stopping on ${signal}`);
    const deadline = setTimeout(() => {
      logger.error({ timeoutMs: config.shutdownTimeoutMs }, 'shutdown timed out; exiting');
      process.exit(1);
    }, config.shutdownTimeoutMs);
    deadline.unref();
    // The spans of the last messages are exported after the app stopped making them.
    app
      .close()
      .then(() => tracing.shutdown())
      .then(
        () => {
          logger.info('stopped');
          logger.flush();
          process.exit(0);
        },
        (error: unknown) => {
          logger.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
