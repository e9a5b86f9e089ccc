import { ApiProblems, ApiTokenAuth, ApiZodParam, ApiZodQuery, ApiZodResponse, RequireRole, ZodValidationPipe } from '@app/runtime';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CallerTenant, TenantScoped } from '../tenancy.port';
import { answer } from '../api-answer';
import { stationIdPipe } from '../api-pipes';
import { stationIdSchema } from '../api-schemas';
import { type AlertsQuery, type StationAlertsQuery, alertPageSchema, alertsQuery, stationAlertsQuery } from './alert.schemas';
import { AlertsService } from './alerts.service';

const DESCRIPTION =
  'Alerts from 2.0.1 NotifyEvent (Alerting events; severity from the monitor that fired) and connector faults of both versions (1.6 errorCode other than NoError, Faulted), newest first. An alert is cleared when the station reports the same component/variable/monitor with `cleared: true`, or the connector healthy again.';

@ApiTokenAuth('alerts')
@Controller()
export class AlertsController {
  constructor(private readonly alerts: AlertsService) {}

  @Get('alerts')
  @RequireRole('viewer')
  @TenantScoped.filtered()
  @ApiOperation({ summary: 'List station alerts', description: DESCRIPTION })
  @ApiZodQuery(alertsQuery)
  @ApiZodResponse(200, alertPageSchema, 'A page of alerts.')
  @ApiProblems({ 400: 'A query parameter is invalid.' })
  list(@Query(new ZodValidationPipe(alertsQuery, 'query')) query: AlertsQuery, @CallerTenant() tenant: string | undefined) {
    return this.alerts.list(query, tenant);
  }

  @Get('stations/:id/alerts')
  @RequireRole('viewer')
  @ApiOperation({ summary: 'List a station’s alerts', description: DESCRIPTION })
  @ApiZodParam('id', stationIdSchema, 'Station id.')
  @ApiZodQuery(stationAlertsQuery)
  @ApiZodResponse(200, alertPageSchema, 'A page of the station’s alerts.')
  @ApiProblems({ 400: 'A parameter is invalid.', 404: 'No such station.' })
  async ofStation(@Param('id', stationIdPipe) id: string, @Query(new ZodValidationPipe(stationAlertsQuery, 'query')) query: StationAlertsQuery) {
    return answer(await this.alerts.ofStation(id, query));
  }
}
