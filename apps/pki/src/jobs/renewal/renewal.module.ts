import { Module } from '@nestjs/common';
import { PkiPersistenceModule } from '@app/pki/persistence/pki-persistence.module';
import { PKI_STATION_COMMANDS } from '@app/pki/pki-station-commands';
import { RenewalAttemptRepository } from './renewal-attempt.repository';
import { RenewalAttemptsController } from './renewal-attempts.controller';
import { RenewalSweeper } from './renewal.sweeper';

/** Every controller of this capability, for the role-matrix spec and the module. */
export const renewalControllers = [RenewalAttemptsController];

/** Station certificates renewed before they expire; REST at /api/certificate-renewals. */
@Module({
  imports: [PkiPersistenceModule, PKI_STATION_COMMANDS],
  controllers: renewalControllers,
  providers: [RenewalAttemptRepository, RenewalSweeper],
})
export class RenewalModule {}
