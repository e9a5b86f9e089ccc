import pino, { type Logger } from 'pino';
import type { RuntimeConfig } from '@app/config';

export const ROOT_LOGGER = Symbol('ROOT_LOGGER');

/** Keys whose values never reach a log line, wherever they appear in an object. */
const REDACTED_PATHS = [
  'password',
  'token',
  'authorization',
  '*.password',
  '*.token',
  '*.authorization',
  'req.headers.authorization',
  'req.headers.cookie',
];

export function createRootLogger(config: Pick<RuntimeConfig, 'logLevel' | 'services'>): Logger {
  return pino({
    level: config.logLevel,
    base: { service: config.services.join('+'), pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    formatters: { level: (label) => ({ level: label }) },
  });
}
