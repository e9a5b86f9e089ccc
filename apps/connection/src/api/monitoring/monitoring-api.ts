import { AlertReadRepository } from './alert-read.repository';
import { AlertsController } from './alerts.controller';
import { AlertsService } from './alerts.service';
import { MonitoringCommandsService } from './monitoring-commands.service';
import { MonitoringReportJobRepository } from './monitoring-report-job.repository';
import { MonitoringReportsService } from './monitoring-reports.service';
import { MonitoringController } from './monitoring.controller';

// The monitoring and alerts part of the operator API, listed once for api.module.ts.

export const monitoringApiControllers = [MonitoringController, AlertsController];

export const monitoringApiProviders = [MonitoringCommandsService, MonitoringReportJobRepository, MonitoringReportsService, AlertReadRepository, AlertsService];
