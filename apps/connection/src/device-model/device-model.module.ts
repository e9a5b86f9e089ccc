import { Module } from '@nestjs/common';
import { GatewayModule } from '../gateway/gateway.module';
import { ConnectionPersistenceModule } from '../persistence/connection-persistence.module';
import { StationEventsModule } from '../station-events/station-events.module';
import { CommandObserversModule } from '../routing/command-observers.module';
import { DeviceModelHandlers } from './device-model.handlers';
import { DeviceModelObservers } from './device-model.observers';
import { DeviceModelRepository } from './device-model.repository';
import { DeviceModelUpdater } from './device-model.updater';
import { NotifyReportHandler } from './notify-report.handler';
import { ReportJobRepository } from './report-job.repository';
import { ReportJobSweeper } from './report-job.sweeper';

/** The 2.0.1 device model (and 1.6 configuration keys) of every station: reports, report jobs and what command answers and events tell. */
@Module({
  imports: [ConnectionPersistenceModule, GatewayModule, CommandObserversModule, StationEventsModule],
  providers: [DeviceModelRepository, ReportJobRepository, NotifyReportHandler, DeviceModelUpdater, DeviceModelHandlers, DeviceModelObservers, ReportJobSweeper],
  exports: [DeviceModelRepository, ReportJobRepository, DeviceModelUpdater],
})
export class DeviceModelModule {}
