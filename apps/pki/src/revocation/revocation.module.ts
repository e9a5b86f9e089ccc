import { Module } from '@nestjs/common';
import { PkiPersistenceModule } from '../persistence/pki-persistence.module';
import { CrlPublisher } from './crl.publisher';
import { CrlRepository } from './crl.repository';
import { ISSUED_CERTIFICATES, RecordedIssuedCertificates } from './issued-certificates';
import { ISSUING_AUTHORITIES, RegisteredAuthorities } from './issuing-authorities';
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
 * Which CAs exist and what they issued come through ISSUING_AUTHORITIES and ISSUED_CERTIFICATES;
 * until the CA store and the issued-certificate repository provide them, the in-memory
 * RegisteredAuthorities and RecordedIssuedCertificates stand in (docs/adr/022-pki-revocation.md).
 */
@Module({
  imports: [PkiPersistenceModule],
  controllers: [...revocationControllers, ...revocationStatusControllers],
  providers: [
    RegisteredAuthorities,
    { provide: ISSUING_AUTHORITIES, useExisting: RegisteredAuthorities },
    RecordedIssuedCertificates,
    { provide: ISSUED_CERTIFICATES, useExisting: RecordedIssuedCertificates },
    { provide: REVOCATION_TIMINGS, useValue: DEFAULT_REVOCATION_TIMINGS },
    RevocationRepository,
    CrlRepository,
    CrlPublisher,
    RevocationService,
    StoredCertificateStatus,
    OcspService,
  ],
  exports: [RegisteredAuthorities, RecordedIssuedCertificates],
})
export class RevocationModule {}
