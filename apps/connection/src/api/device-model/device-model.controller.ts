import { type ApiPrincipal, ApiProblems, ApiTokenAuth, ApiZodBody, ApiZodParam, ApiZodQuery, ApiZodResponse, CurrentPrincipal, RequireRole, ZodValidationPipe } from '@app/runtime';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { stationIdPipe } from '../api-pipes';
import { stationIdSchema } from '../api-schemas';
import { deviceModelAnswer } from './device-model-api.error';
import { DeviceModelReportsService } from './device-model-reports.service';
import {
  type DeviceModelQuery,
  type ListReportsQuery,
  type RequestReportBody,
  type SetVariablesBody,
  deviceModelDescription,
  deviceModelPageSchema,
  deviceModelQuery,
  listReportsQuery,
  reportJobPageSchema,
  reportJobSchema,
  requestIdSchema,
  requestReportBody,
  setVariablesAnswerSchema,
  setVariablesBody,
} from './device-model.schemas';
import { DeviceModelService } from './device-model.service';

const STATION_ID = 'Station id (1-48 characters of the OCPP identifier set).';

@ApiTokenAuth('device-model')
@Controller('stations')
export class DeviceModelController {
  constructor(
    private readonly model: DeviceModelService,
    private readonly reports: DeviceModelReportsService,
  ) {}

  @Get(':id/device-model')
  @RequireRole('viewer')
  @ApiOperation({ summary: 'Browse a station’s device model', description: `${deviceModelDescription} Ordered by key, then attribute type; filters combine.` })
  @ApiZodParam('id', stationIdSchema, STATION_ID)
  @ApiZodQuery(deviceModelQuery)
  @ApiZodResponse(200, deviceModelPageSchema, 'A page of attributes.')
  @ApiProblems({ 400: 'A query parameter is invalid.', 404: 'No such station.' })
  async list(@Param('id', stationIdPipe) id: string, @Query(new ZodValidationPipe(deviceModelQuery, 'query')) query: DeviceModelQuery) {
    return deviceModelAnswer(await this.model.list(id, query));
  }

  @Post(':id/device-model/variables')
  @HttpCode(200)
  @RequireRole('operator')
  @ApiOperation({
    summary: 'Set variables',
    description:
      'Sets Actual values and answers the station’s status per variable: a 2.0.1 station gets one SetVariables, a 1.6 station one ChangeConfiguration per key, in order. ' +
      'Accepted values are stored at once; RebootRequired ones too, flagged; a refusal (Rejected, UnknownVariable, NotSupported, ...) leaves the stored value and records the status. ' +
      'Credentials (BasicAuthPassword, AuthorizationKey, ...), SecurityCtrlr, the network profile choice and the 1.6 security keys need the admin role, like `set-configuration`.',
  })
  @ApiZodParam('id', stationIdSchema, STATION_ID)
  @ApiZodBody(setVariablesBody)
  @ApiZodResponse(200, setVariablesAnswerSchema, 'The station’s answer per variable.')
  @ApiProblems({
    400: 'The body is invalid.',
    403: 'A credential, security or network-profile variable needs the admin role.',
    404: 'No such station.',
    409: 'The station is not connected.',
    422: 'A key is not a variable name.',
    502: 'The station answered CALLERROR.',
    504: 'The station did not answer in time.',
  })
  async setVariables(
    @Param('id', stationIdPipe) id: string,
    @Body(new ZodValidationPipe(setVariablesBody, 'body')) body: SetVariablesBody,
    @CurrentPrincipal() actor?: ApiPrincipal,
  ) {
    return deviceModelAnswer(await this.model.setVariables(id, body, actor));
  }

  @Post(':id/device-model/reports')
  @RequireRole('operator')
  @ApiOperation({
    summary: 'Request a device model report',
    description:
      'Starts a report job with a request id of its own: 2.0.1 GetBaseReport (`reportBase`) or GetReport (`componentCriteria` / `componentVariable`); the NotifyReport parts are stored as they arrive and folded in when the last one is in. ' +
      'A 1.6 station gets GetConfiguration (all keys, or the variable names of `componentVariable`), whose answer completes the job. Answers the job as it stands after the station’s answer.',
  })
  @ApiZodParam('id', stationIdSchema, STATION_ID)
  @ApiZodBody(requestReportBody)
  @ApiZodResponse(201, reportJobSchema, 'The job.')
  @ApiProblems({ 400: 'The body is invalid.', 404: 'No such station.', 409: 'The station is not connected.' })
  async requestReport(
    @Param('id', stationIdPipe) id: string,
    @Body(new ZodValidationPipe(requestReportBody, 'body')) body: RequestReportBody,
    @CurrentPrincipal() actor?: ApiPrincipal,
  ) {
    return deviceModelAnswer(await this.reports.request(id, body, actor));
  }

  @Get(':id/device-model/reports')
  @RequireRole('viewer')
  @ApiOperation({ summary: 'List a station’s report jobs', description: 'Newest request id first.' })
  @ApiZodParam('id', stationIdSchema, STATION_ID)
  @ApiZodQuery(listReportsQuery)
  @ApiZodResponse(200, reportJobPageSchema, 'A page of report jobs.')
  @ApiProblems({ 400: 'A query parameter is invalid.', 404: 'No such station.' })
  async listReports(@Param('id', stationIdPipe) id: string, @Query(new ZodValidationPipe(listReportsQuery, 'query')) query: ListReportsQuery) {
    return deviceModelAnswer(await this.reports.list(id, query));
  }

  @Get(':id/device-model/reports/:requestId')
  @RequireRole('viewer')
  @ApiOperation({ summary: 'Get a report job', description: 'Its status, the station’s answer, how many parts arrived and how many variables were stored.' })
  @ApiZodParam('id', stationIdSchema, STATION_ID)
  @ApiZodParam('requestId', requestIdSchema, 'Request id of the report.')
  @ApiZodResponse(200, reportJobSchema, 'The job.')
  @ApiProblems({ 400: 'A path parameter is invalid.', 404: 'No such report job.' })
  async getReport(@Param('id', stationIdPipe) id: string, @Param('requestId', new ZodValidationPipe(requestIdSchema, 'path.requestId')) requestId: number) {
    return deviceModelAnswer(await this.reports.get(id, requestId));
  }
}
