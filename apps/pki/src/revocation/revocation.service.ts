import { DEFAULT_PAGE_SIZE, type Page, pageOf } from '@app/runtime';
import { InjectDataSource } from '@app/persistence';
import { MetricsRegistry, ROOT_LOGGER } from '@app/observability';
import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { CertificateExpiryMetrics } from '../inventory/certificate-expiry.metrics';
import { PKI_SCHEMA } from '../persistence/pki-schema';
import { CrlPublisher } from './crl.publisher';
import { CrlRepository } from './crl.repository';
import { ISSUED_CERTIFICATES, type IssuedCertificates } from './issued-certificates';
import { RevocationError, RevocationErrorCode } from './revocation.error';
import { RevocationMetrics } from './revocation.metrics';
import { type RevocationRow, RevocationRepository } from './revocation.repository';
import type { ListRevocationsQuery, RevocationView, RevokeBody } from './revocation.schemas';

export function revocationViewOf(row: RevocationRow): RevocationView {
  return {
    caId: row.issuer_id,
    serialNumber: row.serial_number,
    reason: row.reason,
    revokedAt: new Date(row.revoked_at).toISOString(),
    revokedBy: row.revoked_by,
    certificateNotAfter: new Date(row.certificate_not_after).toISOString(),
  };
}

/** Revoking certificates our CAs issued, and the list of revocations. */
@Injectable()
export class RevocationService {
  private readonly logger: Logger;
  private readonly metrics: RevocationMetrics;

  constructor(
    @Inject(ROOT_LOGGER) rootLogger: Logger,
    @InjectDataSource(PKI_SCHEMA) private readonly dataSource: DataSource,
    @Inject(ISSUED_CERTIFICATES) private readonly issued: IssuedCertificates,
    private readonly revocations: RevocationRepository,
    private readonly crls: CrlRepository,
    private readonly publisher: CrlPublisher,
    metrics: MetricsRegistry,
    private readonly expiry: CertificateExpiryMetrics,
  ) {
    this.logger = rootLogger.child({ component: 'revocation' });
    this.metrics = new RevocationMetrics(metrics);
  }

  /** Revokes the certificate with this serial, final; the CA's CRL is renewed at once. */
  async revoke(revokedBy: string, body: RevokeBody, now: Date = new Date()): Promise<RevocationView> {
    const certificates = await this.issued.withSerial(body.serialNumber, body.caId);
    const where = body.caId === undefined ? 'of our CAs' : `CA ${JSON.stringify(body.caId)}`;
    const [certificate, ...others] = certificates;
    if (certificate === undefined) throw new RevocationError(RevocationErrorCode.certificateNotFound, `no certificate with serial ${body.serialNumber} was issued by ${where}`);
    if (others.length > 0) {
      const caIds = certificates.map((ref) => ref.issuerId);
      throw new RevocationError(RevocationErrorCode.ambiguousSerial, `serial ${body.serialNumber} was issued by several CAs (${caIds.join(', ')}): name one in caId`, { caIds });
    }
    const record = { issuerId: certificate.issuerId, serialNumber: body.serialNumber, reason: body.reason, revokedAt: now, revokedBy, certificateNotAfter: certificate.notAfter };
    const inserted = await this.dataSource.transaction(async (manager) => {
      if (!(await this.revocations.insert(manager, record))) return false;
      await this.crls.markStale(manager, record.issuerId);
      return true;
    });
    if (!inserted) {
      const existing = await this.revocations.find(record.issuerId, record.serialNumber);
      throw new RevocationError(RevocationErrorCode.alreadyRevoked, `certificate ${body.serialNumber} of CA ${record.issuerId} is revoked already; revocation is final`, {
        revocation: existing && revocationViewOf(existing),
      });
    }
    this.metrics.revoked(record.reason);
    this.expiry.changed();
    await this.renewCrl(record.issuerId);
    return revocationViewOf(toRow(record));
  }

  /** `stationIds`: the stations the caller may see (its tenant's); undefined: all. */
  async list(query: ListRevocationsQuery, stationIds?: readonly string[]): Promise<Page<RevocationView>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const rows = await this.revocations.list({ issuerId: query.caId, serialNumber: query.serialNumber, before: query.cursor, stationIds, limit: limit + 1 });
    return pageOf(rows, limit, revocationViewOf, (row) => [row.revoked_key, row.issuer_id, row.serial_number]);
  }

  /** The CRL is marked stale with the revocation, so a failed renewal here is made up for by the next fetch. */
  private async renewCrl(issuerId: string): Promise<void> {
    try {
      await this.publisher.renew(issuerId);
    } catch (error) {
      this.logger.warn({ err: error, caId: issuerId }, 'renewing the CRL after a revocation failed; the next fetch renews it');
    }
  }
}

function toRow(record: { issuerId: string; serialNumber: string; reason: RevocationRow['reason']; revokedAt: Date; revokedBy: string; certificateNotAfter: Date }): RevocationRow {
  return {
    issuer_id: record.issuerId,
    serial_number: record.serialNumber,
    reason: record.reason,
    revoked_at: record.revokedAt,
    revoked_by: record.revokedBy,
    certificate_not_after: record.certificateNotAfter,
    revoked_key: record.revokedAt.toISOString(),
  };
}
