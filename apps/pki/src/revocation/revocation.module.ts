import { Module } from '@nestjs/common';
import { AuthoritiesModule } from '../authorities/authorities.module';
import { InventoryModule } from '../inventory/inventory.module';
import { PkiPersistenceModule } from '../persistence/pki-persistence.module';
import { CrlPublisher } from './crl.publisher';
import { CrlRepository } from './crl.repository';
import { ISSUED_CERTIFICATES, InventoryIssuedCertificates } from './issued-certificates';
import { ISSUING_AUTHORITIES, StoredIssuingAuthorities } from './issuing-authorities';
import { OcspService } from './ocsp.service';
import { RevocationRepository } from './revocation.repository';
import { RevocationService } from './revocation.service';
import { DEFAULT_REVOCATION_TIMINGS, REVOCATION_TIMINGS } from './revocation-timings';
import { RevocationStatusController } from './revocation-status.controller';
import { RevocationsController } from './revocations.controller';
import { StoredCertificateStatus } from './stored-certificate-status';

/** The REST API of revocation (behind API tokens), for the role-matrix spec and the module. */
export const revocationControllers = [RevocationsController];
/** The public endpoints (CRLs, OCSP): relying parties present no token. */
export const revocationStatusControllers = [RevocationStatusController];

/**
 * Revocation: revoke by serial (REST), the CRL of each CA and the OCSP responder (public HTTP).
 * Which CAs exist and what they issued come through ISSUING_AUTHORITIES (the CA store) and
 * ISSUED_CERTIFICATES (the issued-certificate inventory), docs/adr/022-pki-revocation.md.
 */
@Module({
  imports: [PkiPersistenceModule, AuthoritiesModule, InventoryModule],
  controllers: [...revocationControllers, ...revocationStatusControllers],
  providers: [
    { provide: ISSUING_AUTHORITIES, useClass: StoredIssuingAuthorities },
    { provide: ISSUED_CERTIFICATES, useClass: InventoryIssuedCertificates },
    { provide: REVOCATION_TIMINGS, useValue: DEFAULT_REVOCATION_TIMINGS },
    RevocationRepository,
    CrlRepository,
    CrlPublisher,
    RevocationService,
    StoredCertificateStatus,
    OcspService,
  ],
})
export class RevocationModule {}
