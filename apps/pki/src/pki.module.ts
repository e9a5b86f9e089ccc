import { inboxController } from '@app/persistence';
import { Module } from '@nestjs/common';
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

/** Every controller of the PKI's REST API (behind API tokens), for the role-matrix spec. */
export const pkiApiControllers = [...securityEventControllers, ...authorityControllers, ...signingControllers, ...inventoryControllers, ...revocationControllers, ...renewalControllers, ...rootDistributionControllers, ...profileUpgradeControllers];
/** Every controller of the PKI reachable without a token (CRLs, OCSP), for the role-matrix spec. */
export const pkiPublicControllers = [...revocationStatusControllers];

@Module({
  imports: [PkiPersistenceModule, SecurityEventsModule, AuthoritiesModule, InventoryModule, SigningModule, RevocationModule, RenewalModule, RootDistributionModule, ProfileUpgradeModule, GatewayCertificatesModule, pkiAuditTrail(pkiApiControllers)],
  controllers: [inboxController('pki', PKI_SCHEMA)],
  providers: [StationEventConsumer],
})
export class PkiModule {}
