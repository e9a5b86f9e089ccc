import { RUNTIME_CONFIG, type RuntimeConfig } from '@app/config';
import { InjectDataSource } from '@app/persistence';
import { Problem } from '@app/runtime';
import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { AuthoritiesService } from '../authorities/authorities.service';
import { certificateHashData } from '../inventory/certificate-hash-data';
import { IssuedCertificateRepository } from '../inventory/issued-certificate.repository';
import { PKI_SCHEMA } from '../persistence/pki-schema';
import { issueServerCertificate } from './server-certificate.issuer';
import { decideServerCsr } from './server-csr-policy';

/** The certificate type the issued-certificate store records gateway server certificates under. */
export const SERVER_CERTIFICATE_TYPE = 'CsmsServerCertificate';

export interface IssuedServerCertificate {
  serialNumber: string;
  notBefore: Date;
  notAfter: Date;
  /** Leaf, then the issuing sub-CA: what the gateway serves. */
  certificateChainPem: string;
}

/**
 * Signs the gateway's TLS server CSRs with the active station sub-CA, so that stations, which
 * trust our root, accept the gateway. The gateway generates its keys itself and sends only CSRs.
 */
@Injectable()
export class GatewayServerCertificatesService {
  private readonly allowedNames: string[];
  private readonly validityMs: number;
  private readonly organization: string | undefined;

  constructor(
    private readonly authorities: AuthoritiesService,
    private readonly issued: IssuedCertificateRepository,
    @InjectDataSource(PKI_SCHEMA) private readonly dataSource: DataSource,
    @Inject(RUNTIME_CONFIG) config: RuntimeConfig,
  ) {
    this.allowedNames = config.pki.gatewayServerNames;
    this.validityMs = config.pki.gatewayServerCertificateValiditySeconds * 1000;
    this.organization = config.pki.certificateOrganization;
  }

  async issue(csrPem: string, names: readonly string[], now = new Date()): Promise<IssuedServerCertificate> {
    if (this.allowedNames.length === 0) throw new Problem({ status: 503, code: 'noGatewayNames', detail: 'PKI_GATEWAY_SERVER_NAMES is not set: no gateway server certificates are issued' });
    const decision = decideServerCsr(csrPem, names, this.allowedNames);
    if (decision.outcome === 'refused') throw new Problem({ status: 422, code: decision.refusal.code, detail: `${decision.field}: ${decision.refusal.message}` });
    const issuer = await this.authorities.issuing('stationSubCa');
    if (!issuer) throw new Problem({ status: 503, code: 'noIssuingCa', detail: 'no active station sub-CA to sign with' });
    const ca = issuer.authority;
    if (ca.notAfter.getTime() <= now.getTime()) throw new Problem({ status: 503, code: 'issuerExpired', detail: 'the active station sub-CA has expired' });
    const certificate = await issueServerCertificate(decision.csr, ca, { validityMs: this.validityMs, organization: this.organization, now });
    await this.dataSource.transaction((manager) =>
      this.issued.insert(manager, {
        serialNumber: certificate.serialNumber,
        issuerCaId: issuer.record.id,
        stationId: `gateway:${certificate.commonName}`,
        certificateType: SERVER_CERTIFICATE_TYPE,
        subject: `${this.organization ? `O=${this.organization}, ` : ''}CN=${certificate.commonName}`,
        notBefore: certificate.notBefore,
        notAfter: certificate.notAfter,
        csrFingerprint: decision.csr.fingerprint,
        certificatePem: certificate.certificatePem,
        chainPem: certificate.chainPem,
        hashData: certificateHashData(certificate.der, ca.certificate),
      }),
    );
    const { serialNumber, notBefore, notAfter, chainPem } = certificate;
    return { serialNumber, notBefore, notAfter, certificateChainPem: chainPem };
  }
}
