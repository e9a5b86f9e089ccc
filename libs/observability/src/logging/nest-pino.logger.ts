import { Inject, Injectable, type LoggerService } from '@nestjs/common';
import type { Level, Logger } from 'pino';
import { ROOT_LOGGER } from './root-logger';

/**
 * Nest's own log lines (start-up, route mapping, errors Nest catches) through the root pino
 * logger, as JSON like every other line: the last extra argument is Nest's context, an Error
 * becomes `err`. Same shape as the nestjs-pino adapter it replaces.
 */
@Injectable()
export class NestPinoLogger implements LoggerService {
  constructor(@Inject(ROOT_LOGGER) private readonly logger: Logger) {}

  verbose(message: unknown, ...optionalParams: unknown[]): void {
    this.write('trace', message, optionalParams);
  }

  debug(message: unknown, ...optionalParams: unknown[]): void {
    this.write('debug', message, optionalParams);
  }

  log(message: unknown, ...optionalParams: unknown[]): void {
    this.write('info', message, optionalParams);
  }

  warn(message: unknown, ...optionalParams: unknown[]): void {
    this.write('warn', message, optionalParams);
  }

  error(message: unknown, ...optionalParams: unknown[]): void {
    this.write('error', message, optionalParams);
  }

  fatal(message: unknown, ...optionalParams: unknown[]): void {
    this.write('fatal', message, optionalParams);
  }

  private write(level: Level, message: unknown, optionalParams: unknown[]): void {
    const fields: Record<string, unknown> = {};
    const params = optionalParams.slice(0, -1);
    if (optionalParams.length > 0) fields.context = optionalParams[optionalParams.length - 1];
    if (message instanceof Error) {
      this.logger[level]({ ...fields, err: message }, ...params.map(String));
    } else if (typeof message === 'object' && message !== null) {
      this.logger[level]({ ...fields, ...message }, ...params.map(String));
    } else if (isStackTrace(level, params)) {
      // Nest's exception handlers call error(message, stack, context): keep the stack with the error.
      const err = Object.assign(new Error(String(message)), { stack: String(params[0]) });
      this.logger[level]({ ...fields, err });
    } else {
      this.logger[level](fields, String(message), ...params);
    }
  }
}

function isStackTrace(level: Level, params: unknown[]): boolean {
  const [stack] = params;
  return level === 'error' && params.length === 1 && typeof stack === 'string' && /\n\s*at /.test(stack);
}
