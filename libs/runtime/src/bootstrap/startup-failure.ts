import { ConfigError, type RuntimeConfig, StartupError } from '@app/config';
import { kafkaSecurityFailure } from './kafka-startup-failure';

/** What a failed start prints: one line, what failed and what to do. */
export interface StartupFailure {
  failure: string;
  remedy: string;
}

interface ErrorFields {
  name?: string;
  message?: string;
  code?: string;
  port?: number;
  address?: string;
  syscall?: string;
  severity?: string;
}

const fieldsOf = (error: unknown): ErrorFields => (typeof error === 'object' && error !== null ? (error as ErrorFields) : { message: String(error) });

/**
 * Turns what stopped the start into a sentence a newcomer can act on. Known causes are the ones a
 * first start meets: a port in use, an unreachable database or broker, the embedded store.
 */
export function startupFailureOf(error: unknown, config: RuntimeConfig): StartupFailure {
  if (error instanceof StartupError) return { failure: error.failure, remedy: error.remedy };
  // A setting only found wrong once used, such as a secret file that cannot be read.
  if (error instanceof ConfigError) return { failure: error.message, remedy: `fix ${error.variable}` };
  const fields = fieldsOf(error);
  const message = fields.message ?? 'unknown error';
  if (fields.code === 'EADDRINUSE' || fields.code === 'EACCES') {
    const what = fields.code === 'EADDRINUSE' ? 'is already in use' : 'may not be opened by this user';
    return { failure: `port ${fields.port ?? '?'} ${what}`, remedy: `stop what listens there, or choose another port (${portVariable(fields.port, config)})` };
  }
  const kafkaSecurity = config.messaging.kind === 'kafka' ? kafkaSecurityFailure(error, config.messaging) : undefined;
  if (kafkaSecurity !== undefined) return kafkaSecurity;
  if (fields.name?.startsWith('KafkaJS') && config.messaging.kind === 'kafka') {
    return {
      failure: `cannot use Kafka at ${config.messaging.brokers.join(',')} (${message})`,
      remedy: 'start the broker (`npm run kafka:start` prints its address) or fix KAFKA_BROKERS',
    };
  }
  if (config.database.kind === 'postgres' && (fields.severity !== undefined || fields.syscall === 'connect' || /connection|terminated|ECONNREFUSED/i.test(message))) {
    return {
      failure: `cannot use PostgreSQL at ${redactedUrl(config.database.url)} (${message})`,
      remedy: fields.code === '3D000' ? 'create the database (e.g. `createdb csms`) or fix DATABASE_URL' : 'start PostgreSQL or fix DATABASE_URL',
    };
  }
  return { failure: message, remedy: 'this is unexpected: the log line above has the details (LOG_LEVEL=debug adds the stack trace); please report it' };
}

function portVariable(port: number | undefined, config: RuntimeConfig): string {
  if (port === config.http.port) return 'HTTP_PORT';
  if (port !== undefined && port === config.gateway.wsPort) return 'OCPP_WS_PORT';
  if (config.gateway.tls && port === config.gateway.tls.port) return 'OCPP_WSS_PORT';
  return 'HTTP_PORT, OCPP_WS_PORT or OCPP_WSS_PORT';
}

/** The URL without its password: start-up lines end up in logs. */
function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'DATABASE_URL';
  }
}
