import 'reflect-metadata';
import { ConfigError, type ProcessLayout, type RuntimeConfig, loadConfig } from '@app/config';
import { createRootLogger } from '@app/observability';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger as NestPinoLogger } from 'nestjs-pino';
import type { Logger } from 'pino';
import { mountOpenApi } from './openapi';
import { processRootModule } from './root-module';
import type { ServiceDefinition } from './service-definition';

export interface RunningProcess {
  app: INestApplication;
  config: RuntimeConfig;
  urls: Record<string, string>;
}

/**
 * Starts the given services in this process: validates the configuration
 * (a bad value exits with one line naming the variable), builds the Nest
 * application, serves HTTP and stops cleanly on SIGTERM/SIGINT.
 */
export async function runServices(layout: Omit<ProcessLayout, 'services'>, services: ServiceDefinition[]): Promise<RunningProcess> {
  const config = configOrExit({ ...layout, services: services.map((service) => service.name) });
  const logger = createRootLogger(config);
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection'));
  try {
    const app = await NestFactory.create(processRootModule(config, logger, services), { bufferLogs: true });
    app.useLogger(app.get(NestPinoLogger));
    app.setGlobalPrefix('api', { exclude: ['health/live', 'health/ready', 'metrics'] });
    mountOpenApi(app, services);
    await app.listen(config.http.port, config.http.host);
    stopOnSignals(app, config, logger);
    const base = `http://${config.http.host === '0.0.0.0' ? 'localhost' : config.http.host}:${config.http.port}`;
    const urls = { api: `${base}/api`, docs: `${base}/api/docs`, ready: `${base}/health/ready`, metrics: `${base}/metrics` };
    logger.info({ urls, messaging: config.messaging.kind, database: config.database.kind }, 'serving');
    return { app, config, urls };
  } catch (error) {
    logger.fatal({ err: error }, 'start-up failed');
    process.exit(1);
  }
}

function configOrExit(layout: ProcessLayout): RuntimeConfig {
  try {
    return loadConfig(layout, process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}

function stopOnSignals(app: INestApplication, config: RuntimeConfig, logger: Logger): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    const deadline = setTimeout(() => {
      logger.error({ timeoutMs: config.shutdownTimeoutMs }, 'shutdown timed out; exiting');
      process.exit(1);
    }, config.shutdownTimeoutMs);
    deadline.unref();
    app.close().then(
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
