import { Module } from '@nestjs/common';
import { PkiPersistenceModule } from '@app/pki/persistence/pki-persistence.module';
import { PKI_STATION_COMMANDS } from '@app/pki/pki-station-commands';
import { ProfileUpgradeRepository } from './profile-upgrade.repository';
import { ProfileUpgradeRunner } from './profile-upgrade.runner';
import { ProfileUpgradeService } from './profile-upgrade.service';
import { ProfileUpgradesController } from './profile-upgrades.controller';
import { StationRegistryClient } from './station-registry.client';

/** Every controller of this capability, for the role-matrix spec and the module. */
export const profileUpgradeControllers = [ProfileUpgradesController];

/** Security-profile upgrades of stations as tracked jobs; REST at /api/profile-upgrades. */
@Module({
  imports: [PkiPersistenceModule, PKI_STATION_COMMANDS],
  controllers: profileUpgradeControllers,
  providers: [ProfileUpgradeRepository, ProfileUpgradeRunner, ProfileUpgradeService, StationRegistryClient],
})
export class ProfileUpgradeModule {}
