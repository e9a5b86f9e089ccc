import { mutationAuditStoreOf } from '@app/persistence';
import { type AuditResource, AuditTrailModule } from '@app/runtime';
import type { DynamicModule, Type } from '@nestjs/common';
import { AuthoritiesController } from '../authorities/authorities.controller';
import { AuthoritiesModule } from '../authorities/authorities.module';
import { PkiPersistenceModule } from '../persistence/pki-persistence.module';
import { PKI_SCHEMA } from '../persistence/pki-schema';
import { RevocationsController } from '../revocation/revocations.controller';
import { CertificateAuthoritySnapshot } from './certificate-authority.snapshot';

/** The resources whose state entries show, or whose id a creation answers; every other mutating route is named by its path. */
export const pkiAuditResources: readonly AuditResource[] = [
  { controller: AuthoritiesController, type: 'certificate-authorities', idParam: 'caId', snapshot: CertificateAuthoritySnapshot },
  { controller: RevocationsController, type: 'revocations', resultId: 'serialNumber' },
];

/** The audit of every change made through the PKI REST API, at GET /api/audit/pki (docs/adr/038-audit-log.md). */
export function pkiAuditTrail(controllers: readonly Type<unknown>[]): DynamicModule {
  return AuditTrailModule.forService({
    service: 'pki',
    controllers,
    resources: pkiAuditResources,
    readRole: 'security-officer',
    imports: [PkiPersistenceModule, AuthoritiesModule],
    store: mutationAuditStoreOf(PKI_SCHEMA),
    providers: [CertificateAuthoritySnapshot],
  });
}
