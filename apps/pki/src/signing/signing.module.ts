import { Module } from '@nestjs/common';
import { AuthoritiesModule } from '../authorities/authorities.module';
import { InventoryModule } from '../inventory/inventory.module';
import { PkiPersistenceModule } from '../persistence/pki-persistence.module';
import { PKI_STATION_COMMANDS } from '../pki-station-commands';
import { SecurityEventsModule } from '../security-events/security-events.module';
import { CertificateSigningService } from './certificate-signing.service';
import { SigningRequestRepository } from './signing-request.repository';
import { SigningRequestsController } from './signing-requests.controller';
import { SigningSweeper } from './signing-sweeper';

/** Every controller of the PKI's REST API in this capability, for the role-matrix spec and the module. */
export const signingControllers = [SigningRequestsController];

/** Station CSRs → decision → certificate → CertificateSigned; REST at /api/certificate-signing-requests. */
@Module({
  imports: [PkiPersistenceModule, AuthoritiesModule, InventoryModule, SecurityEventsModule, PKI_STATION_COMMANDS],
  controllers: signingControllers,
  providers: [SigningRequestRepository, CertificateSigningService, SigningSweeper],
  exports: [CertificateSigningService],
})
export class SigningModule {}
