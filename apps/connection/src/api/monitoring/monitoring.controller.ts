import { type ApiPrincipal, ApiProblems, ApiTokenAuth, ApiZodBody, ApiZodParam, ApiZodResponse, CurrentPrincipal, RequireRole, ZodValidationPipe } from '@app/runtime';
import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { answer } from '../api-answer';
import { stationIdPipe } from '../api-pipes';
import { stationIdSchema } from '../api-schemas';
import { MonitoringCommandsService } from './monitoring-commands.service';
import { MonitoringReportsService } from './monitoring-reports.service';
import {
  type ClearMonitorsBody,
  type MonitoringBaseBody,
  type MonitoringLevelBody,
  type MonitoringReportBody,
  type SetMonitorsBody,
  clearMonitorsAnswer,
  clearMonitorsBody,
  monitorListSchema,
  monitoringBaseBody,
  monitoringLevelBody,
  monitoringReportBody,
  reportJobSchema,
  requestIdSchema,
  setMonitorsAnswer,
  setMonitorsBody,
  stationStatusAnswer,
} from './monitoring.schemas';

/** Problems of every call sent to a station. */
const CALL_PROBLEMS = {
  400: 'The body is invalid (the detail names the field).',
  404: 'No such station.',
  409: 'The station is not connected.',
  422: 'The station is connected over OCPP 1.6, which has no monitoring.',
  502: 'The station answered with a CALLERROR (`stationErrorCode`).',
  503: 'The command could not be handed to the message bus.',
  504: 'The station did not answer in time.',
};

/** OCPP 2.0.1 monitoring of a station's device model: its monitors, monitoring base and level, and monitoring reports. */
@ApiTokenAuth('monitoring')
@Controller('stations/:id')
export class MonitoringController {
  constructor(
    private readonly commands: MonitoringCommandsService,
    private readonly reports: MonitoringReportsService,
  ) {}

  @Get('monitors')
  @RequireRole('viewer')
  @ApiOperation({ summary: 'List a station’s monitors', description: 'The variable monitors the CSMS knows the station has: from its monitoring reports and the monitors set and cleared through this API.' })
  @ApiZodParam('id', stationIdSchema, 'Station id.')
  @ApiZodResponse(200, monitorListSchema, 'The monitors, by id.')
  @ApiProblems({ 400: 'The station id is invalid.', 404: 'No such station.' })
  async list(@Param('id', stationIdPipe) id: string) {
    return answer(await this.reports.monitorsOf(id));
  }

  @Post('monitors')
  @HttpCode(200)
  @RequireRole('operator')
  @ApiOperation({ summary: 'Set variable monitors', description: 'SetVariableMonitoring (2.0.1). The station’s answer per monitor; the ones it accepted are stored with the id it gave them.' })
  @ApiZodParam('id', stationIdSchema, 'Station id.')
  @ApiZodBody(setMonitorsBody)
  @ApiZodResponse(200, setMonitorsAnswer, 'The station’s result per monitor, in the order asked.')
  @ApiProblems(CALL_PROBLEMS)
  async set(@Param('id', stationIdPipe) id: string, @Body(new ZodValidationPipe(setMonitorsBody, 'body')) body: SetMonitorsBody, @CurrentPrincipal() actor?: ApiPrincipal) {
    return answer(await this.commands.setMonitors(id, body, actor));
  }

  @Post('monitors/clear')
  @HttpCode(200)
  @RequireRole('operator')
  @ApiOperation({ summary: 'Clear variable monitors', description: 'ClearVariableMonitoring (2.0.1). The station’s answer per monitor id; cleared (and unknown) monitors are removed from the stored ones.' })
  @ApiZodParam('id', stationIdSchema, 'Station id.')
  @ApiZodBody(clearMonitorsBody)
  @ApiZodResponse(200, clearMonitorsAnswer, 'The station’s result per monitor id.')
  @ApiProblems(CALL_PROBLEMS)
  async clear(@Param('id', stationIdPipe) id: string, @Body(new ZodValidationPipe(clearMonitorsBody, 'body')) body: ClearMonitorsBody, @CurrentPrincipal() actor?: ApiPrincipal) {
    return answer(await this.commands.clearMonitors(id, body, actor));
  }

  @Put('monitoring-base')
  @RequireRole('operator')
  @ApiOperation({ summary: 'Set the monitoring base', description: 'SetMonitoringBase (2.0.1): All, FactoryDefault or HardWiredOnly monitors active.' })
  @ApiZodParam('id', stationIdSchema, 'Station id.')
  @ApiZodBody(monitoringBaseBody)
  @ApiZodResponse(200, stationStatusAnswer, 'The station’s answer.')
  @ApiProblems(CALL_PROBLEMS)
  async setBase(@Param('id', stationIdPipe) id: string, @Body(new ZodValidationPipe(monitoringBaseBody, 'body')) body: MonitoringBaseBody, @CurrentPrincipal() actor?: ApiPrincipal) {
    return answer(await this.commands.setBase(id, body, actor));
  }

  @Put('monitoring-level')
  @RequireRole('operator')
  @ApiOperation({ summary: 'Set the monitoring level', description: 'SetMonitoringLevel (2.0.1): the station reports only events of this severity or more severe.' })
  @ApiZodParam('id', stationIdSchema, 'Station id.')
  @ApiZodBody(monitoringLevelBody)
  @ApiZodResponse(200, stationStatusAnswer, 'The station’s answer.')
  @ApiProblems(CALL_PROBLEMS)
  async setLevel(@Param('id', stationIdPipe) id: string, @Body(new ZodValidationPipe(monitoringLevelBody, 'body')) body: MonitoringLevelBody, @CurrentPrincipal() actor?: ApiPrincipal) {
    return answer(await this.commands.setLevel(id, body, actor));
  }

  @Post('monitoring-reports')
  @HttpCode(200)
  @RequireRole('operator')
  @ApiOperation({
    summary: 'Request a monitoring report',
    description: 'GetMonitoringReport (2.0.1) as a job: answers with the job once the station answered; its NotifyMonitoringReport parts are stored as they come, and the job is complete when the last part is in.',
  })
  @ApiZodParam('id', stationIdSchema, 'Station id.')
  @ApiZodBody(monitoringReportBody)
  @ApiZodResponse(200, reportJobSchema, 'The job (requestId), with what the station answered.')
  @ApiProblems(CALL_PROBLEMS)
  async requestReport(@Param('id', stationIdPipe) id: string, @Body(new ZodValidationPipe(monitoringReportBody, 'body')) body: MonitoringReportBody, @CurrentPrincipal() actor?: ApiPrincipal) {
    return answer(await this.reports.request(id, body, actor));
  }

  @Get('monitoring-reports/:requestId')
  @RequireRole('viewer')
  @ApiOperation({ summary: 'Get a monitoring report job', description: 'Where a GetMonitoringReport stands: parts received, complete or not.' })
  @ApiZodParam('id', stationIdSchema, 'Station id.')
  @ApiZodParam('requestId', requestIdSchema, 'The requestId of the report.')
  @ApiZodResponse(200, reportJobSchema, 'The job.')
  @ApiProblems({ 400: 'A parameter is invalid.', 404: 'No such report for this station.' })
  async report(@Param('id', stationIdPipe) id: string, @Param('requestId', new ZodValidationPipe(requestIdSchema, 'path.requestId')) requestId: number) {
    return answer(await this.reports.job(id, requestId));
  }
}
