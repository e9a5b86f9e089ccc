import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SimulatedStation } from '@app/simulator';
import { tearDown } from '@test/support/e2e-teardown';
import { freePort } from '@test/support/free-port';
import { testBrokers, uniqueTopicPrefix } from '@test/support/kafka-test-client';
import { GRAFANA_DASHBOARD, type MetricApp, dashboardExpressions, documentedMetrics, familyOf, metricsInPromQl, samplesOf, scrapedFamilies } from '@test/support/metric-catalogue';
import { type Json, OperatorApiClient, type Role } from '@test/support/operator-api-client';
import { OtlpReceiver, type ReceivedSpan, SpanKinds } from '@test/support/otlp-receiver';
import { repoRoot } from '@test/support/repo-root';
import { type ServiceProcess, eventually, startService, waitUntilReady } from '@test/support/service-process';
import { signedStation } from '@test/support/signed-station';
import { type TestDatabase, createTestDatabase } from '@test/support/test-database';

const WAIT_MS = 90_000;
const SITE = 'SITE-M';
const ORGANIZATION = 'CSMS Metrics Operator';
const PASSWORD = 'metrics-scrape-password';
const PASSPHRASE = 'metrics-scrape-e2e-passphrase-0123456789';
/** Shorter than the 30-day window of csms_pki_certificates_expiring, longer than the 7-day one. */
const VALIDITY_DAYS = 20;

/** 40 A per phase at the grid connection, two 32 A three-phase chargers: each session is capped at 20 A. */
const site = {
  siteId: SITE,
  limit: { perPhaseA: [40, 40, 40] },
  children: [
    { kind: 'charger', stationId: 'M-1', rating: { maxA: 32, phases: 3 }, children: [{ kind: 'evse', evseId: 1, maxA: 32, phases: 3 }] },
    { kind: 'charger', stationId: 'M-2', rating: { maxA: 32, phases: 3 }, children: [{ kind: 'evse', evseId: 1, maxA: 32, phases: 3 }] },
  ],
};

/**
 * The three services as processes on real Kafka and PostgreSQL, with tracing on towards an OTLP
 * receiver in the test: after simulated stations charge on a limited site and one has its CSR
 * signed, each app's /metrics holds exactly the metrics docs/metrics.md gives it, every metric the
 * Grafana dashboard reads, with plausible values; and a station's message is one trace from the
 * gateway, through the Kafka record's traceparent header, into the consumers of the other services.
 */
describe('metrics and traces of a distributed run', () => {
  const api = new OperatorApiClient();
  const stations: SimulatedStation[] = [];
  let dir: string;
  let database: TestDatabase;
  let receiver: OtlpReceiver;
  let connection: ServiceProcess;
  let smartCharging: ServiceProcess;
  let pki: ServiceProcess;
  let signedSerial: string;

  const services = (): Record<Exclude<MetricApp, 'all'>, ServiceProcess> => ({ connection, 'smart-charging': smartCharging, pki });
  const call = (service: ServiceProcess, method: string, route: string, as: Role, body?: unknown) => api.call(service.baseUrl, method, route, as, body);
  const scrape = async (service: ServiceProcess): Promise<string> => {
    const response = await fetch(`${service.baseUrl}/metrics`);
    expect(response.status).toBe(200);
    return response.text();
  };
  const sum = (text: string, name: string, where: Record<string, string> = {}) =>
    samplesOf(text, name)
      .filter((sample) => Object.entries(where).every(([label, value]) => sample.labels[label] === value))
      .reduce((total, sample) => total + sample.value, 0);

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'csms-metrics-'));
    database = await createTestDatabase('metrics_scrape');
    receiver = await OtlpReceiver.start();
    const wsPort = await freePort();
    const env = {
      KAFKA_BROKERS: testBrokers(),
      KAFKA_TOPIC_PREFIX: uniqueTopicPrefix('metrics'),
      DATABASE_URL: database.url,
      API_TOKENS_FILE: api.writeTokenFile(dir),
      LOG_LEVEL: 'warn',
      KAFKA_LAG_POLL_SECONDS: '1',
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      // The SDK's own variable: spans reach the receiver within a fraction of a second.
      OTEL_BSP_SCHEDULE_DELAY: '200',
    };
    [connection, smartCharging, pki] = await Promise.all([
      freePort().then((port) => startService('connection', { ...env, OCPP_WS_PORT: String(wsPort), OCPP_UNKNOWN_STATIONS: 'accept', OCPP_UNKNOWN_ID_TOKENS: 'accept' }, port)),
      freePort().then((port) => startService('smart-charging', env, port)),
      freePort().then((port) =>
        startService('pki', { ...env, PKI_KEY_DIR: path.join(dir, 'keys'), PKI_CA_KEY_PASSPHRASE: PASSPHRASE, PKI_CERT_ORGANIZATION: ORGANIZATION, PKI_STATION_CERT_VALIDITY_DAYS: String(VALIDITY_DAYS) }, port),
      ),
    ]);
    // A fresh broker on a busy machine: the first group coordinator can take a while to load.
    await Promise.all([connection, smartCharging, pki].map((service) => waitUntilReady(service, 180_000)));

    const root = await call(pki, 'POST', '/api/certificate-authorities', 'admin', { name: 'Metrics Root', role: 'root', commonName: 'Metrics Root', organization: ORGANIZATION, keyType: 'EC-P384', validityDays: 3650 });
    expect(root.status).toBe(201);
    const subCa = await call(pki, 'POST', '/api/certificate-authorities', 'admin', { name: 'Metrics Sub-CA', role: 'stationSubCa', parentId: root.body.id, commonName: 'Metrics Sub-CA', organization: ORGANIZATION, validityDays: 1000 });
    expect(subCa.status).toBe(201);
    expect((await call(smartCharging, 'POST', '/api/sites', 'operator', site)).status).toBe(201);

    for (const [id, version] of [['M-1', '1.6'], ['M-2', '2.0.1']] as const) {
      const station = new SimulatedStation({ id, version, connection: { url: `ws://127.0.0.1:${wsPort}/ocpp`, securityProfile: 0 } });
      stations.push(station);
      await station.connect();
      await station.boot();
      await eventually(`${id} known to smart charging with its capabilities`, async () => {
        const view = await call(smartCharging, 'GET', `/api/topology/stations/${id}/charging`, 'viewer');
        return view.body.connected === true && view.body.capabilities !== null ? true : undefined;
      }, WAIT_MS, [smartCharging, connection]);
    }
    for (const station of stations) await station.startTransaction({ evseId: 1, idToken: `TAG-${station.id}`, vehicle: { phases: 3, maxCurrentA: 32 } });

    const signed = await signedStation({ id: 'M-SIGNED', version: '2.0.1', serialNumber: 'SN-M-SIGNED', organization: ORGANIZATION, wsUrl: `ws://127.0.0.1:${wsPort}/ocpp`, password: PASSWORD, api, connection, pki });
    stations.push(signed.station);
    const issued = await eventually('the signed certificate in the inventory', async () => {
      const items = (await call(pki, 'GET', '/api/issued-certificates?stationId=M-SIGNED', 'viewer')).body.items as Json[] | undefined;
      return items?.[0];
    }, WAIT_MS, [pki]);
    signedSerial = String(issued.serialNumber);
  }, 420_000);

  afterAll(async () => {
    await tearDown({ stations, services: [connection, smartCharging, pki], database, dir });
    await receiver?.stop();
  });

  it('serves in each app exactly the csms_ metrics docs/metrics.md gives it, with their types', async () => {
    const documented = documentedMetrics();
    for (const [app, service] of Object.entries(services())) {
      const families = scrapedFamilies(await scrape(service));
      const expected = [...documented.values()].filter((metric) => metric.app === app || metric.app === 'all');
      expect({ app, missing: expected.filter((metric) => families.get(metric.name) !== metric.type).map((metric) => `${metric.name} (${metric.type}, scraped ${families.get(metric.name)})`) }).toEqual({ app, missing: [] });
      const undocumented = [...families.keys()].filter((name) => name.startsWith('csms_') && !expected.some((metric) => metric.name === name));
      expect({ app, undocumented }).toEqual({ app, undocumented: [] });
    }
  });

  it('finds every metric the Grafana dashboard reads in some app, with samples', async () => {
    const documented = new Set(documentedMetrics().keys());
    const dashboard = JSON.parse(readFileSync(path.join(repoRoot(), GRAFANA_DASHBOARD), 'utf8')) as Parameters<typeof dashboardExpressions>[0];
    const series = new Set(dashboardExpressions(dashboard).flatMap(({ expr }) => metricsInPromQl(expr)));
    const texts = await Promise.all(Object.values(services()).map(scrape));
    // Counters of faults (retries, dead letters, withheld answers) have no sample until one happens: their family is what must exist.
    const faultCounters = new Set(['csms_message_retries_total', 'csms_messages_dead_lettered_total', 'csms_messages_parked_total', 'csms_ocpp_answers_withheld_total']);
    const absent = [...series].filter((name) => {
      const family = familyOf(name, documented);
      return !texts.some((text) => scrapedFamilies(text).has(family) && (faultCounters.has(family) || samplesOf(text, name).length > 0));
    });
    expect(series.size).toBeGreaterThan(15);
    expect(absent).toEqual([]);
  });

  it('counts the connected stations by version and security profile, and their messages by action and result', async () => {
    const text = await eventually('three stations counted as connected', async () => {
      const scraped = await scrape(connection);
      return sum(scraped, 'csms_ocpp_connections') === 3 ? scraped : undefined;
    }, WAIT_MS, [connection]);
    expect(sum(text, 'csms_ocpp_connections', { protocol: 'ocpp1.6' })).toBe(1);
    expect(sum(text, 'csms_ocpp_connections', { protocol: 'ocpp2.0.1', security_profile: '1' })).toBe(1);
    expect(sum(text, 'csms_ocpp_connections', { protocol: 'ocpp2.0.1', security_profile: '0' })).toBe(1);
    // Every station booted; two started a transaction; one sent its CSR.
    expect(sum(text, 'csms_ocpp_call_handling_seconds_count', { action: 'BootNotification', outcome: 'answered' })).toBeGreaterThanOrEqual(3);
    expect(sum(text, 'csms_ocpp_call_handling_seconds_count', { action: 'SignCertificate', outcome: 'answered' })).toBe(1);
    expect(sum(text, 'csms_ocpp_call_handling_seconds_count', { action: 'StartTransaction' }) + sum(text, 'csms_ocpp_call_handling_seconds_count', { action: 'TransactionEvent' })).toBeGreaterThanOrEqual(2);
    expect(sum(text, 'csms_ocpp_frames_received_total')).toBeGreaterThanOrEqual(sum(text, 'csms_ocpp_call_handling_seconds_count'));
    expect(sum(text, 'csms_station_commands_total', { status: 'accepted' })).toBeGreaterThanOrEqual(1);
  });

  it('measures every consumer group lag from the brokers: never negative, and caught up once the run settles', async () => {
    for (const service of Object.values(services())) {
      await eventually(`${service.name}'s consumer groups caught up`, async () => {
        const lags = samplesOf(await scrape(service), 'csms_kafka_consumer_lag');
        expect(lags.every((sample) => sample.value >= 0)).toBe(true);
        // Meter values may still arrive: caught up means within a couple of records of the end.
        return lags.length > 0 && lags.every((sample) => sample.value <= 2) ? lags : undefined;
      }, WAIT_MS, [service]);
    }
    const groups = samplesOf(await scrape(smartCharging), 'csms_kafka_consumer_lag').map((sample) => `${sample.labels.group} ${sample.labels.topic}`);
    expect(groups).toContain('smart-charging.station-events ocpp.events');
  });

  it('shows the allocation: runs, the site’s power, both sessions capped, profiles accepted', async () => {
    const text = await eventually('both sessions of the site planned and capped', async () => {
      const scraped = await scrape(smartCharging);
      return sum(scraped, 'csms_smart_charging_sessions', { site: SITE, allocation: 'capped' }) === 2 ? scraped : undefined;
    }, WAIT_MS, [smartCharging]);
    expect(sum(text, 'csms_smart_charging_sessions', { site: SITE, allocation: 'full' })).toBe(0);
    expect(sum(text, 'csms_smart_charging_allocation_runs_total', { outcome: 'planned' })).toBeGreaterThan(0);
    // Two sessions at 20 A on three phases of 230 V, within the site's 40 A per phase.
    const watts = sum(text, 'csms_smart_charging_allocated_watts', { site: SITE });
    expect(watts).toBeGreaterThan(0);
    expect(watts).toBeLessThanOrEqual(40 * 3 * 230 + 1);
    expect(sum(text, 'csms_smart_charging_profiles_sent_total', { outcome: 'accepted' })).toBeGreaterThanOrEqual(2);
    expect(samplesOf(text, 'csms_smart_charging_plan_seconds_count')[0]?.value).toBeGreaterThan(0);
  });

  it('shows the certificates: the CSR signed, expiring within 30 days, then revoked; OCSP answers counted', async () => {
    let text = await scrape(pki);
    expect(sum(text, 'csms_pki_csr_decisions_total', { outcome: 'signed' })).toBe(1);
    expect(sum(text, 'csms_pki_csr_decisions_total', { outcome: 'refused' })).toBe(0);
    expect(sum(text, 'csms_pki_certificates_expiring', { within_days: '30' })).toBe(1);
    expect(sum(text, 'csms_pki_certificates_expiring', { within_days: '7' })).toBe(0);

    expect((await call(pki, 'POST', '/api/revocations', 'admin', { serialNumber: signedSerial, reason: 'superseded' })).status).toBe(201);
    const ocsp = await fetch(`${pki.baseUrl}/api/ocsp`, { method: 'POST', headers: { 'content-type': 'application/ocsp-request' }, body: Buffer.from([0x30, 0x03, 0x02, 0x01, 0x00]) });
    expect(ocsp.status).toBe(200);
    text = await scrape(pki);
    expect(sum(text, 'csms_pki_revocations_total', { reason: 'superseded' })).toBe(1);
    expect(sum(text, 'csms_pki_certificates_expiring', { within_days: '30' })).toBe(0);
    expect(sum(text, 'csms_pki_ocsp_responses_total', { outcome: 'malformedRequest' })).toBe(1);
  });

  it('traces a station message from the gateway through the Kafka header into the consumers of the other services', async () => {
    expect(receiver.problems).toEqual([]);
    const spansOf = (service: string) => receiver.spans.filter((span) => span.service === service);
    const childOf = (parent: ReceivedSpan) => (span: ReceivedSpan) => span.traceId === parent.traceId && span.parentSpanId === parent.spanId;

    // SignCertificate: the gateway's span, its event produced to ocpp.events, the PKI's consumer span
    // of that record, and the CertificateSigned command the PKI produced back to the gateway.
    const chain = await eventually('the SignCertificate trace across the three hops', async () => {
      const call = spansOf('csms-connection').find((span) => span.name === 'ocpp SignCertificate' && span.kind === SpanKinds.server && span.attributes['ocpp.station_id'] === 'M-SIGNED');
      const published = call && spansOf('csms-connection').find((span) => span.name === 'ocpp.events publish' && span.kind === SpanKinds.producer && childOf(call)(span));
      const consumed = published && spansOf('csms-pki').find((span) => span.name === 'ocpp.events process' && span.kind === SpanKinds.consumer && childOf(published)(span));
      const command = consumed && receiver.spans.find((span) => span.service === 'csms-connection' && span.name === 'ocpp.commands process' && span.traceId === consumed.traceId);
      return call && published && consumed && command ? { call, published, consumed, command } : undefined;
    }, WAIT_MS, [connection, pki]);
    expect(chain.consumed.attributes).toMatchObject({ 'messaging.system': 'kafka', 'messaging.destination.name': 'ocpp.events', 'messaging.consumer.group.name': expect.stringMatching(/^pki\./) });
    expect(chain.call.parentSpanId).toBeUndefined();

    // Smart charging's consumers join the traces of the station messages they act on.
    const joined = await eventually('a smart-charging consumer span in a gateway trace', async () => {
      const published = spansOf('csms-connection').filter((span) => span.name === 'ocpp.events publish');
      return spansOf('csms-smart-charging').find((span) => span.kind === SpanKinds.consumer && published.some((parent) => childOf(parent)(span)));
    }, WAIT_MS, [smartCharging]);
    expect(joined.name).toBe('ocpp.events process');
  });

  it('stops every service cleanly on SIGTERM with tracing on, whose last spans still reach the receiver', async () => {
    const before = receiver.spans.length;
    await stations[0]?.heartbeat();
    expect(await Promise.all([connection, smartCharging, pki].map((service) => service.stop('SIGTERM')))).toEqual([0, 0, 0]);
    expect(receiver.spans.slice(before).some((span) => span.name === 'ocpp Heartbeat')).toBe(true);
  });
});
