import { InjectDataSource, queryRows } from '@app/persistence';
import { StationCommandClient } from '@app/station-commands';
import { Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { AuthoritiesService } from '../authorities/authorities.service';
import { PKI_SCHEMA } from '../persistence/pki-schema';
import { INSTALLED_CERTIFICATE_TYPES, type ReportedCertificate, reportedCertificatesOf } from './installed-certificate';
import { InstalledCertificateRepository } from './installed-certificate.repository';
import { type KnownCertificateSource, KnownCertificates } from './known-certificates';
import { StationSecurityRepository } from './station-security.repository';

export type InventoryReading = { ok: true; certificates: ReportedCertificate[] } | { ok: false; status: string; detail: string };

const READ_TIMEOUT_MS = 30_000;

/**
 * Reads a station's installed certificates with GetInstalledCertificateIds and stores them as
 * the station's inventory. One call asking for every type serves 2.0.1; OCPP 1.6 asks for
 * exactly one type per call, which the gateway answers `invalid` for an empty list, so then each
 * type is asked for on its own (the types 1.6 lacks answer `invalid` too and are passed over).
 * That way the PKI never needs to know the station's version.
 */
@Injectable()
export class InstalledCertificateReader {
  constructor(
    private readonly commands: StationCommandClient,
    private readonly installed: InstalledCertificateRepository,
    private readonly stations: StationSecurityRepository,
    private readonly authorities: AuthoritiesService,
    @InjectDataSource(PKI_SCHEMA) private readonly dataSource: DataSource,
  ) {}

  async refresh(stationId: string): Promise<InventoryReading> {
    const reading = await this.read(stationId);
    if (!reading.ok) {
      await this.stations.readFailed(stationId, `${reading.status}: ${reading.detail}`);
      return reading;
    }
    const known = await this.knownCertificates();
    await this.installed.replace(
      stationId,
      reading.certificates.map((entry) => ({ ...entry, known: known.find(entry.hashData) })),
      new Date(),
    );
    return reading;
  }

  private async read(stationId: string): Promise<InventoryReading> {
    const ask = (certificateTypes: string[]) => this.commands.send(stationId, { case: 'getInstalledCertificateIds', value: { certificateTypes } }, { timeoutMs: READ_TIMEOUT_MS });
    const all = await ask([]);
    if (all.status === 'accepted') return { ok: true, certificates: reportedCertificatesOf(all.result) };
    if (all.status !== 'invalid') return { ok: false, status: all.status, detail: all.errorDescription ?? JSON.stringify(all.result ?? {}) };
    const certificates: ReportedCertificate[] = [];
    for (const type of INSTALLED_CERTIFICATE_TYPES) {
      const one = await ask([type]);
      if (one.status === 'invalid') continue;
      if (one.status !== 'accepted') return { ok: false, status: one.status, detail: `${type}: ${one.errorDescription ?? JSON.stringify(one.result ?? {})}` };
      certificates.push(...reportedCertificatesOf(one.result));
    }
    return { ok: true, certificates };
  }

  /** Our CAs' certificates and every certificate a root distribution job sent. */
  private async knownCertificates(): Promise<KnownCertificates> {
    const authorities = await this.authorities.list();
    const byId = new Map(authorities.map((ca) => [ca.id, ca]));
    const sources: KnownCertificateSource[] = authorities.map((ca) => ({
      certificatePem: ca.certificatePem,
      issuerPem: ca.parentId ? byId.get(ca.parentId)?.certificatePem : undefined,
      caId: ca.id,
    }));
    const distributed = await queryRows<{ certificate_pem: string }>(
      this.dataSource,
      `SELECT DISTINCT certificate_pem FROM "${PKI_SCHEMA}"."root_job" WHERE certificate_pem IS NOT NULL`,
    );
    return new KnownCertificates([...sources, ...distributed.map((row) => ({ certificatePem: row.certificate_pem }))]);
  }
}
