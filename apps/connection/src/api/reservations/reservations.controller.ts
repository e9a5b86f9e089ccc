import { type ApiPrincipal, ApiProblems, ApiTokenAuth, ApiZodBody, ApiZodParam, ApiZodQuery, ApiZodResponse, CurrentPrincipal, RequireRole, ZodValidationPipe } from '@app/runtime';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CallerTenant, TenantScoped } from '../tenancy.port';
import { answer } from '../api-answer';
import {
  type CreateReservationBody,
  type ListReservationsQuery,
  createReservationBody,
  listReservationsQuery,
  reservationAnswerSchema,
  reservationIdSchema,
  reservationPageSchema,
  reservationSchema,
} from './reservation.schemas';
import { ReservationsService } from './reservations.service';

const idPipe = new ZodValidationPipe(reservationIdSchema, 'path.id');

const COMMAND_PROBLEMS = {
  409: 'The station is not connected (the problem names the reservation, stored as failed).',
  422: 'The reservation cannot be expressed in the station’s OCPP version (e.g. a connector type or an idTag over 20 characters for 1.6).',
  502: 'The station answered with a CALLERROR.',
  503: 'The command could not be handed to the message bus.',
  504: 'The station did not answer in time.',
};

@ApiTokenAuth('reservations')
@Controller('reservations')
export class ReservationsController {
  constructor(private readonly reservations: ReservationsService) {}

  @Post()
  @HttpCode(201)
  @RequireRole('operator')
  @TenantScoped.bodyObjects('station', 'stationId')
  @ApiOperation({
    summary: 'Reserve an EVSE for an id token',
    description:
      'Stores the reservation (its id allocated by the CSMS) and sends ReserveNow (1.6: connectorId, idTag, parentIdTag; 2.0.1: evseId, idToken, groupIdToken, connectorType). Answers with the stored reservation and the station’s answer: active when it accepted, else the station’s reason (occupied, faulted, unavailable, rejected). While active and before its expiry, the EVSE refuses other id tokens at transaction start (answered NotAtThisTime in 2.0.1, Invalid in 1.6), and Authorize refuses them when every EVSE of the station is reserved for others.',
  })
  @ApiZodBody(createReservationBody)
  @ApiZodResponse(201, reservationAnswerSchema, 'The reservation as stored after the station’s answer, and that answer.')
  @ApiProblems({ 400: 'The body is invalid (the detail names the field).', 404: 'No such station.', ...COMMAND_PROBLEMS, 422: `expiresAt is not in the future, or ${COMMAND_PROBLEMS[422]}` })
  async create(@Body(new ZodValidationPipe(createReservationBody, 'body')) body: CreateReservationBody, @CurrentPrincipal() actor?: ApiPrincipal) {
    return answer(await this.reservations.create(body, actor));
  }

  @Get()
  @RequireRole('viewer')
  @TenantScoped.filtered()
  @ApiOperation({ summary: 'List reservations', description: 'Newest first; filter by station, EVSE, status or whether they hold their EVSE now (`active`).' })
  @ApiZodQuery(listReservationsQuery)
  @ApiZodResponse(200, reservationPageSchema, 'A page of reservations.')
  @ApiProblems({ 400: 'A query parameter is invalid.' })
  list(@Query(new ZodValidationPipe(listReservationsQuery, 'query')) query: ListReservationsQuery, @CallerTenant() tenant: string | undefined) {
    return this.reservations.list(query, tenant);
  }

  @Get(':id')
  @RequireRole('viewer')
  @TenantScoped.object('reservation', 'id')
  @ApiOperation({ summary: 'Get a reservation' })
  @ApiZodParam('id', reservationIdSchema, 'Reservation id.')
  @ApiZodResponse(200, reservationSchema, 'The reservation.')
  @ApiProblems({ 400: 'The id is invalid.', 404: 'No such reservation.' })
  async get(@Param('id', idPipe) id: number) {
    return answer(await this.reservations.get(id));
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @RequireRole('operator')
  @TenantScoped.object('reservation', 'id')
  @ApiOperation({
    summary: 'Cancel a reservation',
    description: 'Sends CancelReservation; the reservation is cancelled when the station accepts. Answers with the reservation and the station’s answer (Rejected: the station holds no such reservation).',
  })
  @ApiZodParam('id', reservationIdSchema, 'Reservation id.')
  @ApiZodResponse(200, reservationAnswerSchema, 'The reservation after the station’s answer, and that answer.')
  @ApiProblems({ 400: 'The id is invalid.', 404: 'No such reservation.', ...COMMAND_PROBLEMS, 409: 'The reservation no longer holds its EVSE (used, cancelled, expired, ...), or the station is not connected.' })
  async cancel(@Param('id', idPipe) id: number, @CurrentPrincipal() actor?: ApiPrincipal) {
    return answer(await this.reservations.cancel(id, actor));
  }
}
