import { StartupError, loadConfig } from '@app/config';
import { startupFailureOf } from './startup-failure';

const distributed = loadConfig(
  { services: ['connection'], defaultHttpPort: 3000, embedded: false },
  { KAFKA_BROKERS: '127.0.0.1:9092', DATABASE_URL: 'postgres://csms:secret@db.example:5432/csms', HTTP_PORT: '3000', OCPP_WS_PORT: '9000' },
);

describe('startupFailureOf', () => {
  it('passes a StartupError through as it is', () => {
    expect(startupFailureOf(new StartupError('the store did not start', 'remove it'), distributed)).toEqual({ failure: 'the store did not start', remedy: 'remove it' });
  });

  it('names the port in use and the variable that moves it', () => {
    const inUse = Object.assign(new Error('listen EADDRINUSE: address already in use 0.0.0.0:9000'), { code: 'EADDRINUSE', port: 9000 });
    expect(startupFailureOf(inUse, distributed)).toEqual({ failure: 'port 9000 is already in use', remedy: expect.stringContaining('OCPP_WS_PORT') });
  });

  it('says PostgreSQL cannot be reached, without the password of DATABASE_URL', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:5432'), { code: 'ECONNREFUSED', syscall: 'connect' });
    const { failure, remedy } = startupFailureOf(refused, distributed);
    expect(failure).toContain('cannot use PostgreSQL at postgres://csms:***@db.example:5432/csms');
    expect(failure).not.toContain('secret');
    expect(remedy).toContain('DATABASE_URL');
  });

  it('tells to create a missing database', () => {
    const missing = Object.assign(new Error('database "csms" does not exist'), { code: '3D000', severity: 'FATAL' });
    expect(startupFailureOf(missing, distributed).remedy).toContain('createdb');
  });

  it('points at the broker for a Kafka error', () => {
    const kafka = Object.assign(new Error('Connection error: connect ECONNREFUSED 127.0.0.1:9092'), { name: 'KafkaJSNumberOfRetriesExceeded' });
    expect(startupFailureOf(kafka, distributed)).toEqual({ failure: expect.stringContaining('cannot use Kafka at 127.0.0.1:9092'), remedy: expect.stringContaining('KAFKA_BROKERS') });
  });

  it('still gives one sentence for the unforeseen', () => {
    expect(startupFailureOf(new Error('boom'), distributed)).toEqual({ failure: 'boom', remedy: expect.stringContaining('report') });
  });
});
