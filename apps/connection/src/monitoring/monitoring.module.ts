import { Module } from '@nestjs/common';
import { GatewayModule } from '../gateway/gateway.module';
import { ConnectionPersistenceModule } from '../persistence/connection-persistence.module';
import { StationEventsModule } from '../station-events/station-events.module';
import { CommandObserversModule } from '../routing/command-observers.module';
import { MonitorResultsObserver } from './monitor-results.observer';
import { MonitoringHandlers } from './monitoring.handlers';
import { MonitoringReportRepository } from './monitoring-report.repository';
import { StationAlertRepository } from './station-alert.repository';
import { StationAlertsService } from './station-alerts.service';
import { StationMonitorRepository } from './station-monitor.repository';

/**
 * 2.0.1 monitoring (NotifyMonitoringReport, the monitors operators set and clear) and station
 * alerts of both versions; StationAlertsService is what provisioning tells about events and faults.
 */
@Module({
  imports: [GatewayModule, ConnectionPersistenceModule, CommandObserversModule, StationEventsModule],
  providers: [MonitoringHandlers, MonitorResultsObserver, MonitoringReportRepository, StationMonitorRepository, StationAlertRepository, StationAlertsService],
  exports: [StationAlertsService, StationMonitorRepository],
})
export class MonitoringModule {}
