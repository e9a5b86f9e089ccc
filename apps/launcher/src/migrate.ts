import { ConfigError, type ServiceName, loadConfig } from '@app/config';
import { createRootLogger } from '@app/observability';
import { openServiceDataSource } from '@app/persistence';
import { startupFailureOf } from '@app/runtime';
import { serviceSchema } from './launchable-apps';

/**
 * `migrate <service>...`: applies each schema's pending migrations and exits (a Kubernetes Job or
 * init container before a rollout). The services do the same at start-up; both serialise on the
 * schema's advisory lock, so a Job racing a starting replica applies each migration once.
 * Resolves to the process exit code.
 */
export async function runMigrations(services: ServiceName[], environment: NodeJS.ProcessEnv): Promise<number> {
  let config;
  try {
    // embedded: false, so the database is always DATABASE_URL's: an embedded store migrates itself on start.
    config = loadConfig({ services, defaultHttpPort: 0, embedded: false }, environment);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 1;
  }
  const logger = createRootLogger(config).child({ component: 'migrate' });
  for (const service of services) {
    const schema = await serviceSchema[service]();
    try {
      const open = await openServiceDataSource(config.database, schema, logger.child({ schema: schema.schema }));
      await open.close();
      logger.info({ schema: schema.schema }, 'schema is up to date');
    } catch (error) {
      const { failure, remedy } = startupFailureOf(error, config);
      logger.debug({ err: error }, 'migration failure details');
      logger.fatal({ schema: schema.schema, failure, remedy }, 'migration failed');
      logger.flush();
      process.stderr.write(`migrate ${service} failed: ${failure}; ${remedy}\n`);
      return 1;
    }
  }
  logger.flush();
  return 0;
}
