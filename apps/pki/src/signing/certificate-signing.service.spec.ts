import { X509Certificate } from 'node:crypto';
import type { RuntimeConfig } from '@app/config';
import { MetricsRegistry } from '@app/observability';
import type { CommandOutcome, StationCommandClient } from '@app/station-commands';
import pino from 'pino';
import type { DataSource } from 'typeorm';
import type { AuthoritiesService, IssuingCa } from '../authorities/authorities.service';
import { createRootCa, createSubCa } from '../authorities/ca-hierarchy';
import type { CaRecord } from '../authorities/certificate-authority.repository';
import { FileCaSigner } from '../authorities/file-ca-signer';
import type { CertificateExpiryMetrics } from '../inventory/certificate-expiry.metrics';
import type { IssuedCertificate, IssuedCertificateRepository } from '../inventory/issued-certificate.repository';
import type { SecurityEventRecord } from '../security-events/security-event.record';
import type { SecurityEventRepository } from '../security-events/security-event.repository';
import { OpensslCli } from '../testing/openssl-cli';
import { CSR_REFUSED_EVENT, CertificateSigningService } from './certificate-signing.service';
import type { DeliveryStatus, SigningRequest, SigningRequestRepository } from './signing-request.repository';

const logger = pino({ level: 'silent' });
const ORG = 'Operator Org';

/** In-memory stand-ins for the repositories: one row per (station, fingerprint, type), as the tables' keys. */
class FakeRequests {
  readonly rows = new Map<string, SigningRequest>();

  async record(request: Pick<SigningRequest, 'id' | 'stationId' | 'csrFingerprint' | 'certificateType' | 'csrPem' | 'stationSerialNumber'>) {
    const existing = [...this.rows.values()].find(
      (row) => row.stationId === request.stationId && row.csrFingerprint === request.csrFingerprint && row.certificateType === request.certificateType,
    );
    if (existing) return { request: { ...existing }, fresh: false };
    const now = new Date();
    const row: SigningRequest = { ...request, status: 'pending', refusalCode: null, reason: null, certificateSerial: null, delivery: null, receivedAt: now, decidedAt: null, updatedAt: now };
    this.rows.set(row.id, row);
    return { request: { ...row }, fresh: true };
  }

  async decide(id: string, decision: { status: SigningRequest['status']; refusalCode?: string; reason?: string | null; certificateSerial?: string }) {
    const row = this.rows.get(id);
    if (!row) throw new Error(`no row ${id}`);
    Object.assign(row, { status: decision.status, refusalCode: decision.refusalCode ?? null, reason: decision.reason ?? null, certificateSerial: decision.certificateSerial ?? row.certificateSerial });
  }

  async delivered(id: string, delivery: DeliveryStatus, reason: string | null) {
    Object.assign(this.rows.get(id) ?? {}, { delivery, reason });
  }

  only(): SigningRequest {
    const [row, ...rest] = [...this.rows.values()];
    if (!row || rest.length > 0) throw new Error(`expected one request, found ${this.rows.size}`);
    return row;
  }
}

class FakeIssued {
  readonly certificates: Omit<IssuedCertificate, 'issuedAt'>[] = [];
  async insert(_manager: unknown, certificate: Omit<IssuedCertificate, 'issuedAt'>) {
    this.certificates.push(certificate);
  }
  async find(serialNumber: string) {
    return this.certificates.find((certificate) => certificate.serialNumber === serialNumber);
  }
}

/** Lets the background delivery run until `condition` holds (bounded by turns of the event loop, never by time). */
async function until(condition: () => boolean): Promise<void> {
  for (let turn = 0; turn < 1000 && !condition(); turn += 1) await new Promise((resolve) => setImmediate(resolve));
  if (!condition()) throw new Error('condition never held');
}

describe('CertificateSigningService', () => {
  const openssl = new OpensslCli();
  let issuer: IssuingCa;

  beforeAll(async () => {
    const passphrase = 'test-only passphrase, not a secret';
    const root = await createRootCa(await FileCaSigner.create(openssl.file('root.key'), { type: 'ec', curve: 'P-256' }, passphrase), {
      subject: { commonName: 'Root' },
      validityDays: 100,
      pointers: {},
    });
    const authority = await createSubCa(root, await FileCaSigner.create(openssl.file('sub.key'), { type: 'ec', curve: 'P-256' }, passphrase), {
      subject: { commonName: 'Sub' },
      validityDays: 50,
      pointers: { crlUrl: 'http://pki.test/crl' },
    });
    issuer = { record: { id: 'sub-ca-id', name: 'Sub' } as CaRecord, authority };
    openssl.newKey('station.key', 'ec:P-256');
  });

  function setup(options: { organization?: string; active?: boolean; outcome?: CommandOutcome['status'] } = {}) {
    const requests = new FakeRequests();
    const issued = new FakeIssued();
    const events: SecurityEventRecord[] = [];
    const sent: { stationId: string; body: unknown }[] = [];
    const state = { active: options.active ?? true };
    const authorities = { issuing: async () => (state.active ? issuer : undefined) } as unknown as AuthoritiesService;
    const commands = {
      send: async (stationId: string, body: unknown) => {
        sent.push({ stationId, body });
        return { commandId: 'c', status: options.outcome ?? 'accepted', errorDescription: options.outcome === 'not-connected' ? 'station is not connected' : undefined };
      },
    } as unknown as StationCommandClient;
    const securityEvents = { insert: async (_manager: unknown, record: SecurityEventRecord) => void events.push(record) } as unknown as SecurityEventRepository;
    const dataSource = { transaction: async (work: (manager: unknown) => Promise<void>) => work({}) } as unknown as DataSource;
    const config = { pki: { certificateOrganization: 'organization' in options ? options.organization : ORG, stationCertificateValidityDays: 30 } } as RuntimeConfig;
    const metrics = new MetricsRegistry();
    const service = new CertificateSigningService(
      requests as unknown as SigningRequestRepository,
      issued as unknown as IssuedCertificateRepository,
      authorities,
      securityEvents,
      commands,
      dataSource,
      config,
      metrics,
      { changed: () => undefined } as unknown as CertificateExpiryMetrics,
    );
    return { service, requests, issued, events, sent, state, metrics };
  }

  const csrOf = (subject: string) => openssl.csr(openssl.file('station.key'), subject);
  const received = (csrPem: string, certificateType = 'ChargingStationCertificate') => ({ stationId: 'CP-1', csrPem, certificateType, stationSerialNumber: 'SN-1' });

  it('issues a certificate for an accepted CSR and sends the chain of leaf and issuing CA', async () => {
    const { service, requests, issued, sent } = setup();
    await service.received(received(csrOf(`/O=${ORG}/CN=SN-1`)), logger);
    await until(() => requests.only().delivery === 'accepted');
    expect(requests.only()).toMatchObject({ status: 'issued', certificateSerial: issued.certificates[0]?.serialNumber });
    const [command] = sent as [{ stationId: string; body: { case: string; value: { certificateChainPem: string; certificateType: string } } }];
    expect(command.body.case).toBe('certificateSigned');
    const [leaf, ca] = command.body.value.certificateChainPem.split(/(?<=-----END CERTIFICATE-----\n)/);
    expect(new X509Certificate(leaf ?? '').subject).toBe(`O=${ORG}\nCN=SN-1`);
    expect(new X509Certificate(ca ?? '').raw.equals(issuer.authority.certificate)).toBe(true);
    expect(issued.certificates[0]).toMatchObject({ stationId: 'CP-1', issuerCaId: 'sub-ca-id', hashData: { hashAlgorithm: 'SHA256' } });
  });

  it('sends the same certificate again for the same CSR and never issues a second', async () => {
    const { service, requests, issued, sent } = setup();
    const csr = csrOf(`/O=${ORG}/CN=SN-1`);
    await service.received(received(csr), logger);
    await until(() => requests.only().delivery === 'accepted');
    await service.received(received(csr.replace(/\n/g, '\r\n')), logger);
    await until(() => sent.length === 2);
    expect(issued.certificates).toHaveLength(1);
    expect(sent[1]).toEqual(sent[0]);
  });

  it('refuses a CSR whose CN is not the station serial, with the reason and a security event, and sends nothing', async () => {
    const { service, requests, events, sent } = setup();
    const csr = csrOf(`/O=${ORG}/CN=SN-OTHER`);
    await service.received(received(csr), logger);
    expect(requests.only()).toMatchObject({ status: 'refused', refusalCode: 'wrongCommonName', reason: expect.stringContaining('"SN-OTHER"') });
    expect(events).toEqual([expect.objectContaining({ stationId: 'CP-1', type: CSR_REFUSED_EVENT, raisedByCsms: true, techInfo: expect.stringContaining('wrongCommonName') })]);
    // The same CSR again is the same refused request: no second decision, no second event.
    await service.received(received(csr), logger);
    expect(events).toHaveLength(1);
    expect(sent).toEqual([]);
  });

  it('counts CSRs signed, and refused by the rule they broke, once per decision', async () => {
    const { service, requests, metrics } = setup();
    await service.received(received(csrOf(`/O=${ORG}/CN=SN-1`)), logger);
    await until(() => requests.only().delivery === 'accepted');
    const refused = csrOf(`/O=${ORG}/CN=SN-OTHER`);
    await service.received(received(refused), logger);
    await service.received(received(refused), logger);
    const text = await metrics.registry.metrics();
    expect(text).toContain('csms_pki_csr_decisions_total{outcome="signed",reason="none"} 1');
    expect(text).toContain('csms_pki_csr_decisions_total{outcome="refused",reason="wrongCommonName"} 1');
    expect(text).toContain('csms_pki_csr_decisions_total{outcome="refused",reason="weakKey"} 0');
  });

  it('keeps a CSR pending with its reason while no issuing CA is active, and issues once one is', async () => {
    const { service, requests, sent, state } = setup({ active: false });
    await service.received(received(csrOf(`/O=${ORG}/CN=SN-1`), 'V2GCertificate'), logger);
    expect(requests.only()).toMatchObject({ status: 'pending', reason: 'no active v2gSubCa CA to sign with' });
    state.active = true;
    await service.advance(requests.only(), logger);
    await until(() => requests.only().delivery === 'accepted');
    expect(sent).toHaveLength(1);
  });

  it('keeps a CSR pending while no organisation is configured', async () => {
    const { service, requests } = setup({ organization: undefined });
    await service.received(received(csrOf(`/O=${ORG}/CN=SN-1`)), logger);
    expect(requests.only()).toMatchObject({ status: 'pending', reason: expect.stringContaining('PKI_CERT_ORGANIZATION') });
  });

  it('records a CertificateSigned that could not be delivered, for the sweep to send again', async () => {
    const { service, requests } = setup({ outcome: 'not-connected' });
    await service.received(received(csrOf(`/O=${ORG}/CN=SN-1`)), logger);
    await until(() => requests.only().delivery === 'failed');
    expect(requests.only()).toMatchObject({ status: 'issued', reason: 'CertificateSigned not delivered (not-connected: station is not connected)' });
  });
});
