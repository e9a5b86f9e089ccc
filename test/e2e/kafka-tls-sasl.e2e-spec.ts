import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Topics, retryWhileSettling, topicCatalog } from '@app/messaging';
import { registerSecret } from '@test/support/e2e-run';
import { readWholeTopic } from '@test/support/event-topic-reader';
import { freePort } from '@test/support/free-port';
import { type SecureKafka, resetKafka, startSecureKafka } from '@test/support/infrastructure';
import { uniqueTopicPrefix } from '@test/support/kafka-test-client';
import { type ServiceProcess, startService, waitUntilReady } from '@test/support/service-process';
import { type TestDatabase, createTestDatabase } from '@test/support/test-database';
import { connectStation, exchange } from '@test/support/ws-station';
import { Kafka, logLevel } from 'kafkajs';
import pino from 'pino';

const quiet = pino({ level: 'silent' });

const PARTITIONS = 2;
const COMMAND_PARTITIONS = 2;

/**
 * The connection service against a second broker of the repo's own whose only client listener is
 * SASL_SSL (mutual TLS with a throwaway CA, then SCRAM-SHA-512), as a secured cluster would be
 * (ADR 043): it works end to end; a wrong password, or no client certificate, stops the start with
 * a line that names the setting (and never the password); with KAFKA_CREATE_TOPICS=false missing
 * topics stop it by name.
 */
describe('Kafka over mutual TLS with SASL/SCRAM-SHA-512', () => {
  let broker: SecureKafka;
  let database: TestDatabase;
  let secretsDir: string;
  let kafka: Kafka;
  const services: ServiceProcess[] = [];
  const wrongPassword = `wrong-${randomBytes(12).toString('hex')}`;
  const noCreatePrefix = uniqueTopicPrefix('tlssaslnocreate');
  const provisionedPrefix = uniqueTopicPrefix('tlssaslprovisioned');
  const catalog = topicCatalog({ partitions: PARTITIONS, commandPartitions: COMMAND_PARTITIONS, replicationFactor: 1, retentionMs: 3_600_000 });
  // Every start but the first test's runs while that one starts: the file takes one service start, not four.
  let withWrongPassword: ServiceProcess;
  let withoutClientCertificate: ServiceProcess;
  let withMissingTopics: ServiceProcess;
  let withProvisionedTopics: ServiceProcess;

  beforeAll(async () => {
    broker = startSecureKafka(`tls-sasl-${randomBytes(3).toString('hex')}`);
    registerSecret(readFileSync(broker.clientEnv.KAFKA_SASL_PASSWORD_FILE, 'utf8'));
    database = await createTestDatabase('kafka_tls_sasl');
    secretsDir = mkdtempSync(path.join(tmpdir(), 'kafka-tls-sasl-'));
    kafka = new Kafka({
      clientId: 'e2e-tls-sasl',
      brokers: [broker.brokers],
      logLevel: logLevel.NOTHING,
      ssl: {
        ca: [readFileSync(broker.clientEnv.KAFKA_SSL_CA_FILE, 'utf8')],
        cert: readFileSync(broker.clientEnv.KAFKA_SSL_CERT_FILE, 'utf8'),
        key: readFileSync(broker.clientEnv.KAFKA_SSL_KEY_FILE, 'utf8'),
        rejectUnauthorized: true,
      },
      sasl: { mechanism: 'scram-sha-512', username: broker.clientEnv.KAFKA_SASL_USERNAME, password: readFileSync(broker.clientEnv.KAFKA_SASL_PASSWORD_FILE, 'utf8') },
    });

    registerSecret(wrongPassword);
    const wrongFile = path.join(secretsDir, 'wrong-password');
    writeFileSync(wrongFile, `${wrongPassword}\n`, { mode: 0o600 });
    withWrongPassword = (await connectionService({ KAFKA_TOPIC_PREFIX: uniqueTopicPrefix('tlssaslbad'), KAFKA_SASL_PASSWORD_FILE: wrongFile })).service;
    // Empty counts as unset: TLS and SCRAM, but no client certificate.
    withoutClientCertificate = (await connectionService({ KAFKA_TOPIC_PREFIX: uniqueTopicPrefix('tlssaslnocert'), KAFKA_SSL_CERT_FILE: '', KAFKA_SSL_KEY_FILE: '' })).service;

    const admin = kafka.admin();
    await admin.connect();
    try {
      const created = {
        waitForLeaders: true,
        topics: [
          // As an operator might have left it: the events topic too small, the rest not there.
          { topic: noCreatePrefix + Topics.events, numPartitions: 1, replicationFactor: 1 },
          // As an operator would provision it from docs/kafka-topics.md.
          ...catalog.map((spec) => ({
            topic: provisionedPrefix + spec.name,
            numPartitions: spec.partitions,
            replicationFactor: 1,
            configEntries: Object.entries(spec.config).map(([name, value]) => ({ name, value })),
          })),
        ],
      };
      // A broker that has just started may not host a new topic's partitions at once: retried as the services do.
      await retryWhileSettling('create the operator-made topics', () => admin.createTopics(created), quiet);
    } finally {
      await admin.disconnect();
    }
    withMissingTopics = (await connectionService({ KAFKA_TOPIC_PREFIX: noCreatePrefix, KAFKA_CREATE_TOPICS: 'false' })).service;
    withProvisionedTopics = (await connectionService({ KAFKA_TOPIC_PREFIX: provisionedPrefix, KAFKA_CREATE_TOPICS: 'false' })).service;
  }, 300_000);

  afterAll(async () => {
    await Promise.all(services.map((service) => service.stop('SIGKILL')));
    // No JVM may outlive the file: reset stops the broker and deletes its certificates and data.
    if (broker) resetKafka(broker.runDir);
    await database?.drop();
    if (secretsDir) rmSync(secretsDir, { recursive: true, force: true });
  }, 120_000);

  async function connectionService(env: Record<string, string>): Promise<{ service: ServiceProcess; wsPort: number }> {
    const [httpPort, wsPort] = await Promise.all([freePort(), freePort()]);
    const service = startService(
      'connection',
      {
        KAFKA_BROKERS: broker.brokers,
        KAFKA_SSL: 'true',
        KAFKA_SASL_MECHANISM: 'SCRAM-SHA-512',
        ...broker.clientEnv,
        KAFKA_PARTITIONS: String(PARTITIONS),
        KAFKA_COMMAND_PARTITIONS: String(COMMAND_PARTITIONS),
        DATABASE_URL: database.url,
        OCPP_WS_PORT: String(wsPort),
        OCPP_UNKNOWN_STATIONS: 'accept',
        ...env,
      },
      httpPort,
    );
    services.push(service);
    return { service, wsPort };
  }

  /** The one line a failed start prints on stderr. */
  async function failedStart(service: ServiceProcess): Promise<string> {
    expect(await service.exited).toBe(1);
    const line = service.errorOutput().split('\n').find((text) => text.startsWith('start-up failed: '));
    if (line === undefined) throw new Error(`no start-up failure line; stderr:\n${service.errorOutput()}`);
    return line;
  }

  it('runs the connection service over SASL_SSL: it provisions the topics, a station boots and its event is on ocpp.events', async () => {
    const prefix = uniqueTopicPrefix('tlssasl');
    const admin = kafka.admin();
    await admin.connect();
    try {
      // A topic left smaller than the catalogue wants: a start with KAFKA_CREATE_TOPICS unset grows it.
      await retryWhileSettling('create a small results topic', () => admin.createTopics({ waitForLeaders: true, topics: [{ topic: prefix + Topics.results, numPartitions: 1, replicationFactor: 1 }] }), quiet);
      const { service, wsPort } = await connectionService({ KAFKA_TOPIC_PREFIX: prefix });
      await waitUntilReady(service, 90_000);
      const metadata = await retryWhileSettling('read the topics', () => admin.fetchTopicMetadata({ topics: Object.values(Topics).map((topic) => prefix + topic) }), quiet);
      const partitions = Object.fromEntries(metadata.topics.map((topic) => [topic.name.slice(prefix.length), topic.partitions.length]));
      expect(partitions).toEqual(Object.fromEntries(catalog.map((spec) => [spec.name, spec.partitions])));
      const presence = await admin.describeConfigs({ includeSynonyms: false, resources: [{ type: 2, name: prefix + Topics.presence, configNames: ['cleanup.policy'] }] });
      expect(presence.resources[0]?.configEntries[0]?.configValue).toBe('compact');
      await bootsAndIsOnTheTopic(wsPort, prefix);
    } finally {
      await admin.disconnect();
    }
  }, 240_000);

  /** A 1.6 station boots through the service, and its booted event is read back from the secured broker. */
  async function bootsAndIsOnTheTopic(wsPort: number, prefix: string): Promise<void> {
    const outcome = await connectStation(`ws://127.0.0.1:${wsPort}/ocpp/TLS-SASL-1`, ['ocpp1.6']);
    if (!outcome.open) throw new Error(`station refused with ${outcome.status}`);
    try {
      const boot = await exchange(outcome.socket, JSON.stringify([2, 'b1', 'BootNotification', { chargePointVendor: 'Acme', chargePointModel: 'AC-22' }]), 30_000);
      expect(boot).toEqual([3, 'b1', expect.objectContaining({ status: 'Accepted' })]);
    } finally {
      outcome.socket.close();
    }

    // Read back with a client that also speaks mutual TLS + SCRAM: the only way in to this broker.
    const events = await readWholeTopic(
      kafka,
      prefix + Topics.events,
      (read) => read.some(({ event }) => event.stationId === 'TLS-SASL-1' && event.body.case === 'booted'),
      60_000,
    );
    const booted = events.find(({ event }) => event.stationId === 'TLS-SASL-1' && event.body.case === 'booted');
    expect(booted?.event.body.value).toMatchObject({ vendor: 'Acme', model: 'AC-22' });
  }

  it('stops the start on a wrong password with one line naming the setting, never the password', async () => {
    const line = await failedStart(withWrongPassword);
    expect(line).toContain(`Kafka at ${broker.brokers} refused the client's SASL authentication`);
    expect(line).toContain('KAFKA_SASL_PASSWORD_FILE');
    expect(withWrongPassword.output()).not.toContain(wrongPassword);
    expect(withWrongPassword.output()).not.toContain(readFileSync(broker.clientEnv.KAFKA_SASL_PASSWORD_FILE, 'utf8'));
  });

  it('stops the start without a client certificate, saying the brokers want one', async () => {
    const line = await failedStart(withoutClientCertificate);
    expect(line).toContain(`Kafka at ${broker.brokers} refused the TLS handshake`);
    expect(line).toContain('KAFKA_SSL_CERT_FILE and KAFKA_SSL_KEY_FILE');
  });

  describe('with KAFKA_CREATE_TOPICS=false', () => {
    const prefix = noCreatePrefix;

    it('refuses to start while topics are missing or too small, naming each, and creates none', async () => {
      const line = await failedStart(withMissingTopics);
      const admin = kafka.admin();
      await admin.connect();
      try {
        const missing = Object.values(Topics).filter((topic) => topic !== Topics.events).map((topic) => prefix + topic);
        expect(line).toContain(`missing topics: ${missing.join(', ')}`);
        expect(line).toContain(`${prefix}${Topics.events} has 1 partitions, needs at least ${PARTITIONS}`);
        expect(line).toContain('KAFKA_CREATE_TOPICS=true');
        expect((await admin.listTopics()).filter((topic) => topic.startsWith(prefix))).toEqual([prefix + Topics.events]);
      } finally {
        await admin.disconnect();
      }
    });

    it('starts when an operator created the catalogue', async () => {
      await waitUntilReady(withProvisionedTopics, 90_000);
      expect(withProvisionedTopics.output()).toContain('every topic of the catalogue exists (KAFKA_CREATE_TOPICS=false)');
    });
  });
});
