import { StationCommandsModule } from '@app/station-commands';
import { Module } from '@nestjs/common';
import { SMART_CHARGING_ORIGIN } from '../dispatch/command-origin';
import { DispatchedProfileRepository } from '../dispatch/dispatched-profile.repository';
import { ProfileDispatcher } from '../dispatch/profile-dispatcher';
import { DrawHistoryController } from '../draw-history/draw-history.controller';
import { DrawHistorySampler } from '../draw-history/draw-history.sampler';
import { DrawHistoryService } from '../draw-history/draw-history.service';
import { DrawSampleRepository } from '../draw-history/draw-sample.repository';
import { ForeignLimitConsumer } from '../external-limits/foreign-limit.consumer';
import { ForeignLimitRecorder } from '../external-limits/foreign-limit.recorder';
import { LimitsModule } from '../limits/limits.module';
import { SmartChargingPersistenceModule } from '../persistence/smart-charging-persistence.module';
import { SessionTracker } from '../sessions/session-tracker';
import { StationStateRepository } from '../sessions/station-state.repository';
import { StationEventConsumer } from '../station-events/station-event.consumer';
import { TenantDispatchFilter } from '../tenancy/tenant-dispatch.filter';
import { TopologyModule } from '../topology/topology.module';
import { DeviationsController } from '../verification/deviations.controller';
import { DeviationsService } from '../verification/deviations.service';
import { DrawDeviationRepository } from '../verification/draw-deviation.repository';
import { DrawVerifier } from '../verification/draw-verifier';
import { ChargingViewsController } from './charging-views.controller';
import { SiteAllocator } from './site-allocator';
import { SiteChangeFeed } from './site-change.feed';
import { SiteSnapshotReader } from './site-snapshot.reader';
import { StationStateInternalController } from './station-state.internal.controller';
import { StationSites } from './station-sites';

export const siteControlControllers = [ChargingViewsController, DeviationsController, DrawHistoryController];

/**
 * The loop that keeps sites under their limits: station events folded into sessions, every
 * relevant change planned per site (allocation along the limit slots), profiles dispatched, the
 * draw measured against them (verification/); limits others set on stations recorded as limit
 * schedules (external-limits/); each node's limit, allocation and draw kept over time (draw-history/).
 */
@Module({
  imports: [SmartChargingPersistenceModule, TopologyModule, LimitsModule, StationCommandsModule.forService(SMART_CHARGING_ORIGIN)],
  controllers: [...siteControlControllers, StationStateInternalController],
  providers: [
    StationStateRepository,
    SessionTracker,
    StationEventConsumer,
    DispatchedProfileRepository,
    ProfileDispatcher,
    SiteSnapshotReader,
    TenantDispatchFilter,
    StationSites,
    SiteChangeFeed,
    SiteAllocator,
    DrawDeviationRepository,
    DrawVerifier,
    DeviationsService,
    ForeignLimitRecorder,
    ForeignLimitConsumer,
    DrawSampleRepository,
    DrawHistorySampler,
    DrawHistoryService,
  ],
})
export class SiteControlModule {}
