import { ROOT_LOGGER } from '@app/observability';
import type { ApiPrincipal, Page } from '@app/runtime';
import { DEFAULT_PAGE_SIZE, pageOf } from '@app/runtime';
import { type CommandBody, type CommandOutcome, StationCommandClient } from '@app/station-commands';
import { timestampFromDate } from '@app/contracts';
import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { type CommandAnswer, answerOf } from '../commands/command-answer';
import { type ApiResult, OperatorApiErrorCode, failed, succeeded } from '../operator-api.error';
import { type Reservation, ReservationRepository, reservationOf, statusAfterReserveNow } from '../station-core.port';
import { StationReadRepository } from '../stations/station-read.repository';
import { ReservationReadRepository } from './reservation-read.repository';
import type { CreateReservationBody, ListReservationsQuery, ReservationAnswer, ReservationView } from './reservation.schemas';

export function reservationViewOf(reservation: Reservation): ReservationView {
  return {
    id: reservation.id,
    stationId: reservation.stationId,
    evseId: reservation.evseId,
    connectorType: reservation.connectorType,
    idToken: reservation.idToken,
    idTokenType: reservation.idTokenType,
    groupIdToken: reservation.groupIdToken,
    expiresAt: reservation.expiresAt.toISOString(),
    status: reservation.status,
    // The repository already reads an active reservation past its expiry as expired.
    active: reservation.status === 'active',
    stationStatus: reservation.stationStatus,
    commandId: reservation.commandId,
    failure: reservation.failure,
    transactionId: reservation.transactionId,
    createdBy: reservation.createdBy,
    createdAt: reservation.createdAt.toISOString(),
    updatedAt: reservation.updatedAt.toISOString(),
    endedAt: reservation.endedAt?.toISOString() ?? null,
  };
}

/**
 * Reservations for operators: store one (its id allocated by the CSMS), ask the station with
 * ReserveNow and keep its answer; list, read, and cancel with CancelReservation. The station's
 * answer is returned as it came; when none came, the problem says why and names the reservation.
 */
@Injectable()
export class ReservationsService {
  private readonly logger: Logger;

  constructor(
    private readonly client: StationCommandClient,
    private readonly stations: StationReadRepository,
    private readonly reservations: ReservationRepository,
    private readonly reads: ReservationReadRepository,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ component: 'reservations-api' });
  }

  async create(body: CreateReservationBody, actor: ApiPrincipal | undefined, now = new Date()): Promise<ApiResult<ReservationAnswer>> {
    const expiresAt = new Date(body.expiresAt);
    if (expiresAt.getTime() <= now.getTime()) return failed(OperatorApiErrorCode.reservationInvalid, `expiresAt ${body.expiresAt} is not in the future`);
    if (!(await this.stations.exists(body.stationId))) return failed(OperatorApiErrorCode.stationNotFound, `station ${body.stationId} is not registered`);
    const reservation = await this.reservations.create({
      stationId: body.stationId,
      evseId: body.evseId,
      connectorType: body.connectorType ?? null,
      idToken: body.idToken,
      idTokenType: body.idTokenType,
      groupIdToken: body.groupIdToken ?? null,
      expiresAt,
      createdBy: actor?.name ?? null,
    });
    const command: CommandBody = {
      case: 'reserveNow',
      value: {
        reservationId: reservation.id,
        evseId: body.evseId,
        idToken: { value: body.idToken, type: body.idTokenType },
        groupIdToken: body.groupIdToken === undefined ? undefined : { value: body.groupIdToken, type: '' },
        expiresAt: timestampFromDate(expiresAt),
        connectorType: body.connectorType ?? '',
      },
    };
    const outcome = await this.send(reservation, command, actor);
    if (!outcome.ok) return outcome;
    await this.reservations.recordAnswer(reservation.id, outcome.value.commandId, statusAfterReserveNow(outcome.value));
    return this.answered(reservation.id, outcome.value);
  }

  async list(query: ListReservationsQuery, tenant?: string): Promise<Page<ReservationView>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const rows = await this.reads.list({ stationId: query.stationId, status: query.status, active: query.active, evseId: query.evseId, before: query.cursor, tenant, limit: limit + 1 });
    return pageOf(rows, limit, (row) => reservationViewOf(reservationOf(row)), (row) => [row.created_key, String(row.id)]);
  }

  async get(id: number): Promise<ApiResult<ReservationView>> {
    const reservation = await this.reservations.find(id);
    return reservation ? succeeded(reservationViewOf(reservation)) : failed(OperatorApiErrorCode.reservationNotFound, `reservation ${id} does not exist`);
  }

  /** CancelReservation; the reservation ends only when the station accepts. */
  async cancel(id: number, actor: ApiPrincipal | undefined): Promise<ApiResult<ReservationAnswer>> {
    const reservation = await this.reservations.find(id);
    if (!reservation) return failed(OperatorApiErrorCode.reservationNotFound, `reservation ${id} does not exist`);
    if (reservation.status !== 'active' && reservation.status !== 'requested') {
      return failed(OperatorApiErrorCode.reservationNotHeld, `reservation ${id} is ${reservation.status}: only an active reservation can be cancelled`, { status: reservation.status });
    }
    const outcome = await this.send(reservation, { case: 'cancelReservation', value: { reservationId: id } }, actor);
    if (!outcome.ok) return outcome;
    if (outcome.value.status === 'accepted') await this.reservations.end(id, 'cancelled', { stationId: reservation.stationId });
    return this.answered(id, outcome.value);
  }

  /** Sends the command; a failure to hand it to the bus marks a new reservation failed. */
  private async send(reservation: Reservation, body: CommandBody, actor: ApiPrincipal | undefined): Promise<ApiResult<CommandOutcome>> {
    try {
      const outcome = await this.client.send(reservation.stationId, body, { actor: actor?.name });
      this.logger.info({ actor: actor?.name, stationId: reservation.stationId, reservationId: reservation.id, command: body?.case, status: outcome.status }, 'reservation command');
      return succeeded(outcome);
    } catch (error) {
      this.logger.error({ err: error, stationId: reservation.stationId, reservationId: reservation.id }, 'could not publish a reservation command');
      if (body?.case === 'reserveNow') {
        await this.reservations.recordAnswer(reservation.id, '', { status: 'failed', stationStatus: null, failure: 'the command could not be handed to the message bus' });
      }
      return failed(OperatorApiErrorCode.commandNotDelivered, 'the command could not be handed to the message bus; try again', { reservationId: reservation.id });
    }
  }

  /** The stored reservation with the station's answer, or the problem of a command that got none. */
  private async answered(id: number, outcome: CommandOutcome): Promise<ApiResult<ReservationAnswer>> {
    const answer: ApiResult<CommandAnswer> = answerOf(outcome);
    if (!answer.ok) return failed(answer.error.code, answer.error.message, { ...answer.error.details, reservationId: id });
    const stored = await this.reservations.find(id);
    if (!stored) return failed(OperatorApiErrorCode.reservationNotFound, `reservation ${id} was deleted meanwhile (its station was removed)`);
    return succeeded({ reservation: reservationViewOf(stored), answer: answer.value });
  }
}
