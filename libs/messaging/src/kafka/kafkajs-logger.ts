import { logLevel, type logCreator } from 'kafkajs';
import type { Logger } from 'pino';

/** Routes kafkajs's own log lines into our structured logger. */
export function kafkajsLogCreator(logger: Logger): logCreator {
  return () => ({ level, log }) => {
    const { message, ...extra } = log;
    const fields = { kafka: extra };
    if (level === logLevel.ERROR) logger.error(fields, message);
    else if (level === logLevel.WARN) logger.warn(fields, message);
    else if (level === logLevel.INFO) logger.debug(fields, message);
    else logger.trace(fields, message);
  };
}

export function kafkajsLogLevel(logger: Logger): logLevel {
  // kafkajs INFO lines (group joins, connects) are noise at our info level.
  if (logger.isLevelEnabled('debug')) return logLevel.INFO;
  return logLevel.WARN;
}
