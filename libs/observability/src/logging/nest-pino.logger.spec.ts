import pino from 'pino';
import { NestPinoLogger } from './nest-pino.logger';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) };
  const root = pino({ level: 'trace', base: undefined, timestamp: false, formatters: { level: (label) => ({ level: label }) } }, stream);
  return { logger: new NestPinoLogger(root), lines };
}

describe('NestPinoLogger', () => {
  it('writes Nest’s messages as JSON at the matching level, its last argument as the context', () => {
    const { logger, lines } = capture();
    logger.log('Mapped {/api/stations, GET} route', 'RouterExplorer');
    logger.warn('slow');
    logger.verbose('detail', 'InstanceLoader');
    logger.fatal('down', 'NestFactory');
    expect(lines).toEqual([
      { level: 'info', context: 'RouterExplorer', msg: 'Mapped {/api/stations, GET} route' },
      { level: 'warn', msg: 'slow' },
      { level: 'trace', context: 'InstanceLoader', msg: 'detail' },
      { level: 'fatal', context: 'NestFactory', msg: 'down' },
    ]);
  });

  it('keeps an error, and the stack Nest’s exception handlers pass beside the message, as err', () => {
    const { logger, lines } = capture();
    logger.error(new Error('broken'), 'StreamableFile');
    logger.error('Connection terminated', 'Error: Connection terminated\n    at Client._connect (pg/client.js:1:1)', 'ExceptionHandler');
    expect(lines[0]).toMatchObject({ level: 'error', context: 'StreamableFile', err: { message: 'broken', type: 'Error' } });
    expect(lines[1]).toMatchObject({ level: 'error', context: 'ExceptionHandler', err: { message: 'Connection terminated', stack: expect.stringContaining('at Client._connect') } });
  });

  it('merges an object message into the line', () => {
    const { logger, lines } = capture();
    logger.debug({ msg: 'ready', port: 3000 }, 'NestApplication');
    expect(lines).toEqual([{ level: 'debug', context: 'NestApplication', port: 3000, msg: 'ready' }]);
  });
});
