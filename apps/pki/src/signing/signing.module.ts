import { StationCommandsModule } from '@app/station-commands';
import { Module } from '@nestjs/common';
import { AuthoritiesModule } from '../authorities/authorities.module';
import { InventoryModule } from '../inventory/inventory.module';
import { PkiPersistenceModule } from '../persistence/pki-persistence.module';
import { SecurityEventsModule } from '../security-events/security-events.module';
import { CertificateSigningService } from './certificate-signing.service';
import { SigningRequestRepository } from './signing-request.repository';
import { SigningRequestsController } from './signing-requests.controller';
import { SigningSweeper } from './signing-sweeper';

/** Commands the PKI sends carry this origin (command history, results routing). */
export const PKI_ORIGIN = 'pki';

/** Every controller of the PKI's REST API in this capability, for the role-matrix spec and the module. */
export const signingControllers = [SigningRequestsController];

/** Station CSRs → decision → certificate → CertificateSigned; REST at /api/certificate-signing-requests. */
@Module({
  imports: [PkiPersistenceModule, AuthoritiesModule, InventoryModule, SecurityEventsModule, StationCommandsModule.forService(PKI_ORIGIN)],
  controllers: signingControllers,
  providers: [SigningRequestRepository, CertificateSigningService, SigningSweeper],
  exports: [CertificateSigningService],
})
export class SigningModule {}
