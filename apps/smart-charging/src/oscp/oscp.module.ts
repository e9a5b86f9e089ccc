import { Module } from '@nestjs/common';
import { LimitsModule } from '../limits/limits.module';
import { SmartChargingPersistenceModule } from '../persistence/smart-charging-persistence.module';
import { CapacityProviderRepository } from './capacity-provider.repository';
import { CapacityProvidersController } from './capacity-providers.controller';
import { CapacityProvidersService } from './capacity-providers.service';
import { OscpClient } from './oscp.client';
import { OscpController } from './oscp.controller';
import { OscpClock } from './oscp-clock';
import { OscpHeartbeats } from './oscp-heartbeats';
import { OscpLimitApplier } from './oscp-limit.applier';
import { OscpMessagesService } from './oscp-messages.service';
import { OscpRegistration } from './oscp-registration';
import { OscpTokenGuard } from './oscp-token.guard';

/** The registry's controllers (behind API tokens), for the role-matrix spec. */
export const oscpApiControllers = [CapacityProvidersController];

/**
 * OSCP 2.0 towards Capacity Providers (docs/adr/017-oscp.md): the registry (REST), the OSCP
 * endpoints they call (their own token scheme), forecasts applied as limit schedules through
 * LimitScheduleStore, silence → fallback, and our heartbeats.
 */
@Module({
  imports: [SmartChargingPersistenceModule, LimitsModule],
  controllers: [...oscpApiControllers, OscpController],
  providers: [
    CapacityProviderRepository,
    CapacityProvidersService,
    OscpClient,
    OscpTokenGuard,
    OscpLimitApplier,
    OscpMessagesService,
    OscpRegistration,
    OscpHeartbeats,
    OscpClock,
  ],
  exports: [CapacityProvidersService],
})
export class OscpModule {}
