import { inboxController } from '@app/persistence';
import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { pkiAuditTrail } from './audit/pki-audit-trail.module';
import { AuthoritiesModule, authorityControllers } from './authorities/authorities.module';
import { GatewayCertificatesModule } from './gateway-certificates/gateway-certificates.module';
import { InventoryModule, inventoryControllers } from './inventory/inventory.module';
import { ProfileUpgradeModule, profileUpgradeControllers } from './jobs/profile-upgrade/profile-upgrade.module';
import { RenewalModule, renewalControllers } from './jobs/renewal/renewal.module';
import { RootDistributionModule, rootDistributionControllers } from './jobs/root-distribution/root-distribution.module';
import { PkiPersistenceModule } from './persistence/pki-persistence.module';
import { PKI_SCHEMA } from './persistence/pki-schema';
import { RevocationModule, revocationControllers, revocationStatusControllers } from './revocation/revocation.module';
import { SecurityEventsModule, securityEventControllers } from './security-events/security-events.module';
import { SigningModule, signingControllers } from './signing/signing.module';
import { StationEventConsumer } from './station-events/station-event.consumer';
import { pkiTenantScope } from './tenancy/pki-api.tenancy';
import { StationOwnedRepository } from './tenancy/station-owned.repository';
import { TenancyModule } from './tenancy/tenancy.module';
import { StationTenantDirectory } from './tenancy/station-tenant.directory';
import { PkiRetentionModule } from './retention/retention.module';

/** Every controller of the PKI's REST API (behind API tokens), for the role-matrix spec. */
export const pkiApiControllers = [...securityEventControllers, ...authorityControllers, ...signingControllers, ...inventoryControllers, ...revocationControllers, ...renewalControllers, ...rootDistributionControllers, ...profileUpgradeControllers];
/** Every controller of the PKI reachable without a token (CRLs, OCSP), for the role-matrix spec. */
export const pkiPublicControllers = [...revocationStatusControllers];

@Module({
  imports: [PkiPersistenceModule, SecurityEventsModule, AuthoritiesModule, InventoryModule, SigningModule, RevocationModule, RenewalModule, RootDistributionModule, ProfileUpgradeModule, GatewayCertificatesModule, TenancyModule, PkiRetentionModule, pkiAuditTrail(pkiApiControllers)],
  controllers: [inboxController('pki', PKI_SCHEMA)],
  providers: [
    StationEventConsumer,
    // Tenant scoping of every PKI API route, in one place (docs/adr/037-tenant-scoping.md).
    {
      provide: APP_INTERCEPTOR,
      useFactory: (directory: StationTenantDirectory, objects: StationOwnedRepository) => pkiTenantScope(directory, objects, pkiApiControllers),
      inject: [StationTenantDirectory, StationOwnedRepository],
    },
  ],
})
export class PkiModule {}
