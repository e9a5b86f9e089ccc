import { randomUUID } from 'node:crypto';
import { RUNTIME_CONFIG, type RuntimeConfig } from '@app/config';
import { MetricsRegistry } from '@app/observability';
import { InjectDataSource } from '@app/persistence';
import { StationCommandClient } from '@app/station-commands';
import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { AuthoritiesService } from '../authorities/authorities.service';
import { issuingRoleOf } from '../authorities/ca-role';
import { CertificateExpiryMetrics } from '../inventory/certificate-expiry.metrics';
import { certificateHashData } from '../inventory/certificate-hash-data';
import { IssuedCertificateRepository } from '../inventory/issued-certificate.repository';
import { PKI_SCHEMA } from '../persistence/pki-schema';
import { SecurityEventRepository } from '../security-events/security-event.repository';
import { toPem } from '../x509/pem-certificate';
import { csrFingerprintOf } from './csr-fingerprint';
import { CsrDecisionMetrics } from './csr-decision.metrics';
import { decideCsr } from './csr-policy';
import type { CsrRefusal } from './csr-refusal';
import { SigningRequestRepository, type SigningRequest } from './signing-request.repository';
import { ChainTooLongError, issueStationCertificate } from './station-certificate.issuer';

/** The security event the PKI raises for a CSR its policy refused (the gateway raises the same type for an unreadable one). */
export const CSR_REFUSED_EVENT = 'InvalidCsr';

/** A SignCertificate the gateway accepted, as it arrives on ocpp.events. */
export interface CsrReceived {
  stationId: string;
  csrPem: string;
  certificateType: string;
  stationSerialNumber: string;
}

/**
 * The signing flow: records each CSR once per station and certificate type, decides on it
 * (csr-policy), issues with the active issuing CA of its type, keeps the certificate in the
 * inventory and sends CertificateSigned. The same CSR again gets the same certificate again,
 * never a second one: the request row and the issued certificate are both unique per
 * (station, CSR fingerprint, type), so even two replicas racing cannot issue twice.
 */
@Injectable()
export class CertificateSigningService {
  /** Requests this process is working on: the sweep leaves them alone. */
  private readonly busy = new Set<string>();
  private readonly organization: string | undefined;
  private readonly validityDays: number;
  private readonly decisions: CsrDecisionMetrics;

  constructor(
    private readonly requests: SigningRequestRepository,
    private readonly issued: IssuedCertificateRepository,
    private readonly authorities: AuthoritiesService,
    private readonly securityEvents: SecurityEventRepository,
    private readonly commands: StationCommandClient,
    @InjectDataSource(PKI_SCHEMA) private readonly dataSource: DataSource,
    @Inject(RUNTIME_CONFIG) config: RuntimeConfig,
    metrics: MetricsRegistry,
    private readonly expiry: CertificateExpiryMetrics,
  ) {
    this.decisions = new CsrDecisionMetrics(metrics);
    this.organization = config.pki.certificateOrganization;
    this.validityDays = config.pki.stationCertificateValidityDays;
  }

  async received(csr: CsrReceived, logger: Logger): Promise<SigningRequest> {
    const { request, fresh } = await this.requests.record({
      id: randomUUID(),
      stationId: csr.stationId,
      csrFingerprint: csrFingerprintOf(csr.csrPem),
      certificateType: csr.certificateType || 'ChargingStationCertificate',
      csrPem: csr.csrPem,
      stationSerialNumber: csr.stationSerialNumber || null,
    });
    if (!fresh) logger.info({ signingRequestId: request.id, status: request.status }, 'the station sent this CSR before');
    await this.advance(request, logger);
    return request;
  }

  /**
   * Moves a request on as far as it can go now; a refused or timed-out one stays as it is. The
   * decision and issuance are awaited; CertificateSigned goes out in the background (the station
   * may take its time to answer), and the request stays busy until its answer is recorded.
   */
  async advance(request: SigningRequest, logger: Logger): Promise<void> {
    if (this.busy.has(request.id)) return;
    this.busy.add(request.id);
    let issued: SigningRequest | undefined;
    try {
      issued = request.status === 'pending' ? await this.decide(request, logger) : request.status === 'issued' ? request : undefined;
    } finally {
      if (!issued) this.busy.delete(request.id);
    }
    if (!issued) return;
    this.deliver(issued, logger)
      .catch((error: unknown) => logger.error({ err: error, signingRequestId: request.id }, 'could not deliver a station certificate'))
      .finally(() => this.busy.delete(request.id));
  }

  isBusy(id: string): boolean {
    return this.busy.has(id);
  }

  /** The request once issued; undefined while it waits or once refused. */
  private async decide(request: SigningRequest, logger: Logger): Promise<SigningRequest | undefined> {
    if (this.organization === undefined) {
      await this.wait(request, 'no certificate organisation is configured (PKI_CERT_ORGANIZATION or OCPP_CERT_ORGANIZATION)', logger);
      return undefined;
    }
    const decision = decideCsr(request.csrPem, { stationSerialNumber: request.stationSerialNumber ?? '', organization: this.organization });
    if (decision.outcome === 'refused') {
      await this.refuse(request, decision.refusal, logger);
      this.decisions.refused(decision.refusal.code);
      return undefined;
    }
    const issuer = await this.authorities.issuing(issuingRoleOf(request.certificateType));
    if (!issuer) {
      await this.wait(request, `no active ${issuingRoleOf(request.certificateType)} CA to sign with`, logger);
      return undefined;
    }
    let certificate;
    try {
      certificate = await issueStationCertificate(decision.csr, issuer.authority, { validityDays: this.validityDays });
    } catch (error) {
      if (!(error instanceof ChainTooLongError)) throw error;
      await this.wait(request, error.message, logger);
      return undefined;
    }
    const hashData = certificateHashData(certificate.der, issuer.authority.certificate);
    await this.dataSource.transaction(async (manager) => {
      await this.issued.insert(manager, {
        serialNumber: certificate.serialNumber,
        issuerCaId: issuer.record.id,
        stationId: request.stationId,
        certificateType: request.certificateType,
        subject: `O=${decision.csr.organization}, CN=${decision.csr.commonName}`,
        notBefore: certificate.notBefore,
        notAfter: certificate.notAfter,
        csrFingerprint: request.csrFingerprint,
        certificatePem: toPem(certificate.der),
        chainPem: certificate.chainPem,
        hashData,
      });
      await this.requests.decide(request.id, { status: 'issued', certificateSerial: certificate.serialNumber }, manager);
    });
    this.decisions.signed();
    this.expiry.changed();
    logger.info({ signingRequestId: request.id, serialNumber: certificate.serialNumber, issuer: issuer.record.name }, 'station certificate issued');
    return { ...request, status: 'issued', certificateSerial: certificate.serialNumber, delivery: null };
  }

  /** Sends (again) the certificate issued for this request; the station's answer is recorded when it comes. */
  private async deliver(request: SigningRequest, logger: Logger): Promise<void> {
    const certificate = request.certificateSerial ? await this.issued.find(request.certificateSerial) : undefined;
    if (!certificate) throw new Error(`signing request ${request.id} is issued without a stored certificate`);
    await this.requests.delivered(request.id, 'sent', null);
    const outcome = await this.commands.send(request.stationId, { case: 'certificateSigned', value: { certificateChainPem: certificate.chainPem, certificateType: request.certificateType } });
    if (outcome.status === 'accepted') {
      await this.requests.delivered(request.id, 'accepted', null);
      logger.info({ signingRequestId: request.id, serialNumber: certificate.serialNumber }, 'the station accepted its certificate');
    } else if (outcome.status === 'rejected') {
      await this.requests.delivered(request.id, 'rejected', 'the station answered CertificateSigned with Rejected');
      logger.warn({ signingRequestId: request.id }, 'the station rejected the certificate it asked for');
    } else {
      const reason = `CertificateSigned not delivered (${outcome.status}${outcome.errorDescription ? `: ${outcome.errorDescription}` : ''})`;
      await this.requests.delivered(request.id, 'failed', reason.slice(0, 500));
      logger.warn({ signingRequestId: request.id, outcome: outcome.status }, 'CertificateSigned not delivered; the sweep sends it again');
    }
  }

  private async refuse(request: SigningRequest, refusal: CsrRefusal, logger: Logger): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.requests.decide(request.id, { status: 'refused', refusalCode: refusal.code, reason: refusal.message }, manager);
      await this.securityEvents.insert(manager, {
        eventId: `csr-refused:${request.id}`,
        stationId: request.stationId,
        type: CSR_REFUSED_EVENT,
        occurredAt: new Date(),
        techInfo: `CSR refused (${refusal.code}): ${refusal.message}`.slice(0, 255),
        raisedByCsms: true,
      });
    });
    logger.warn({ signingRequestId: request.id, refusal: refusal.code, reason: refusal.message }, 'CSR refused');
  }

  private async wait(request: SigningRequest, reason: string, logger: Logger): Promise<void> {
    await this.requests.decide(request.id, { status: 'pending', reason });
    logger.warn({ signingRequestId: request.id, reason }, 'CSR waits');
  }
}
