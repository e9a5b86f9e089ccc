import {
  type ApiPrincipal,
  ApiProblems,
  ApiTokenAuth,
  ApiZodBody,
  ApiZodParam,
  ApiZodQuery,
  ApiZodResponse,
  CurrentPrincipal,
  RequireRole,
  ZodValidationPipe,
} from '@app/runtime';
import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import type { Response } from 'express';
import { CallerTenant, TenantScoped } from '../tenancy.port';
import { answer } from '../api-answer';
import { stationIdPipe } from '../api-pipes';
import { stationIdSchema } from '../api-schemas';
import {
  type ListStationsQuery,
  type RegisterStationBody,
  type RegisteredStationView,
  listStationsQuery,
  registerStationBody,
  registeredStationSchema,
  stationDetailSchema,
  stationPageSchema,
  stationSummarySchema,
} from './station.schemas';
import { StationsService } from './stations.service';

const STATION_ID = 'Station id (1-48 characters of the OCPP identifier set).';

@ApiTokenAuth('stations')
@Controller('stations')
export class StationsController {
  constructor(private readonly stations: StationsService) {}

  @Get()
  @RequireRole('viewer')
  @TenantScoped.filtered()
  @ApiOperation({
    summary: 'List stations',
    description:
      'Registered stations, ordered by id, each with its live connection state (connected, protocol, security profile, replica) and its connectors’ last status. Filters combine (all must hold): registration status, connected, protocol (live), registered security profile, id prefix, a text `q` (id, vendor, model, serial number, firmware version), a connector status and how the station was registered (`autoRegistered`: by first contact or by an operator). A token confined to a tenant lists that tenant’s stations only.',
  })
  @ApiZodQuery(listStationsQuery)
  @ApiZodResponse(200, stationPageSchema, 'A page of stations.')
  @ApiProblems({ 400: 'A query parameter is invalid.' })
  list(@Query(new ZodValidationPipe(listStationsQuery, 'query')) query: ListStationsQuery, @CallerTenant() tenant: string | undefined) {
    return this.stations.list(query, tenant);
  }

  // Declared before ':id' so that "summary" is never taken for a station id.
  @Get('summary')
  @RequireRole('viewer')
  @TenantScoped.filtered()
  @ApiOperation({
    summary: 'Count stations',
    description: 'How many stations are registered, by registration status, and how many are connected now, by OCPP version (live). A token confined to a tenant counts that tenant’s stations only.',
  })
  @ApiZodResponse(200, stationSummarySchema, 'The counts.')
  summary(@CallerTenant() tenant: string | undefined) {
    return this.stations.summary(tenant);
  }

  @Get(':id')
  @RequireRole('viewer')
  @ApiOperation({ summary: 'Get a station', description: 'Registry data, the last status of every connector and the live connection state.' })
  @ApiZodParam('id', stationIdSchema, STATION_ID)
  @ApiZodResponse(200, stationDetailSchema, 'The station.')
  @ApiProblems({ 400: 'The station id is invalid.', 404: 'No such station.' })
  async get(@Param('id', stationIdPipe) id: string) {
    return answer(await this.stations.get(id));
  }

  @Put(':id')
  @RequireRole('admin')
  @TenantScoped.object('station', 'id', { mayCreate: true })
  @ApiOperation({
    summary: 'Register or update a station',
    description:
      'Sets the security profile, Basic-auth password (stored as a hash, never returned), serial number and registration status. Omitted fields keep their value. With `generatePassword` the CSMS generates the password and returns it once, in `generatedPassword`. A token confined to a tenant registers new stations into its tenant; another tenant’s station answers 404. A change that invalidates the live connection (a new password, a raised profile, rejected or set back to pending) closes it on the replica that holds it before this answers (1012, or 1008 for a withdrawn registration; ADR 039).',
  })
  @ApiZodParam('id', stationIdSchema, STATION_ID)
  @ApiZodBody(registerStationBody)
  @ApiZodResponse(200, registeredStationSchema, 'The station was updated.')
  @ApiZodResponse(201, registeredStationSchema, 'The station was registered.')
  @ApiProblems({ 400: 'The body is invalid (the detail names the field).', 404: 'The station belongs to another tenant than the token’s.', 422: 'The station could not connect so (e.g. profile 1 without a password).' })
  async register(
    @Param('id', stationIdPipe) id: string,
    @Body(new ZodValidationPipe(registerStationBody, 'body')) body: RegisterStationBody,
    @Res({ passthrough: true }) response: Response,
    @CallerTenant() tenant: string | undefined,
    @CurrentPrincipal() actor?: ApiPrincipal,
  ): Promise<RegisteredStationView> {
    const { created, station } = answer(await this.stations.register(id, body, tenant, actor?.name));
    response.status(created ? 201 : 200);
    return station;
  }

  @Post(':id/accept')
  @HttpCode(200)
  @RequireRole('operator')
  @ApiOperation({ summary: 'Accept a pending station', description: 'Its next BootNotification is answered Accepted.' })
  @ApiZodParam('id', stationIdSchema, STATION_ID)
  @ApiZodResponse(200, stationDetailSchema, 'The station is accepted.')
  @ApiProblems({ 400: 'The station id is invalid.', 404: 'No such station.', 409: 'The station is neither pending nor a first-contact station without credentials.' })
  async accept(@Param('id', stationIdPipe) id: string) {
    return answer(await this.stations.accept(id));
  }
}
