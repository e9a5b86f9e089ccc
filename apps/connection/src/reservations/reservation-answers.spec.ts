import { OcppErrorKind } from '@app/ocpp';
import { StationCommandSchema, timestampFromDate } from '@app/contracts';
import { create } from '@bufbuild/protobuf';
import pino from 'pino';
import type { CallHandlerRegistry, CallContext } from '../gateway/call-handler.registry';
import type { Execution } from '../routing/command-execution';
import type { CommandResultObservers } from '../routing/command-result.observers';
import type { DurableAcknowledgement } from '../station-events/durable-acknowledgement';
import { ReservationAnswerObserver } from './reservation-answer.observer';
import { ReservationStatusHandlers } from './reservation-status.handlers';
import type { ReservationRepository } from './reservation.repository';

function fakeRepository() {
  const calls: unknown[][] = [];
  const repository = {
    recordAnswer: async (...args: unknown[]) => void calls.push(['recordAnswer', ...args]),
    end: async (...args: unknown[]) => {
      calls.push(['end', ...args]);
      return true;
    },
  };
  return { calls, repository: repository as unknown as ReservationRepository };
}

const reserveNow = create(StationCommandSchema, {
  commandId: 'cmd-1',
  stationId: 'CP-1',
  body: { case: 'reserveNow', value: { reservationId: 5, evseId: 1, idToken: { value: 'TAG', type: '' }, expiresAt: timestampFromDate(new Date()) } },
});
const cancel = create(StationCommandSchema, { commandId: 'cmd-2', stationId: 'CP-1', body: { case: 'cancelReservation', value: { reservationId: 5 } } });
const execution = (status: Execution['outcome']['status'], result?: Record<string, unknown>): Execution => ({ outcome: { status, result } });

describe('what the CSMS learns from reservation answers', () => {
  const observer = (repository: ReservationRepository) => new ReservationAnswerObserver({} as CommandResultObservers, repository);

  it('records the ReserveNow answer as the reservation’s status', async () => {
    const { calls, repository } = fakeRepository();
    await observer(repository).observe(reserveNow, execution('rejected', { status: 'Rejected', stationStatus: 'Unavailable' }));
    expect(calls).toEqual([['recordAnswer', 5, 'cmd-1', { status: 'unavailable', stationStatus: 'Unavailable', failure: null }]]);
  });

  it('cancels on an accepted CancelReservation only, and ignores other commands', async () => {
    const { calls, repository } = fakeRepository();
    await observer(repository).observe(cancel, execution('rejected', { status: 'Rejected', stationStatus: 'Rejected' }));
    await observer(repository).observe(create(StationCommandSchema, { commandId: 'c', stationId: 'CP-1', body: { case: 'clearCache', value: {} } }), execution('accepted'));
    expect(calls).toEqual([]);
    await observer(repository).observe(cancel, execution('accepted', { status: 'Accepted' }));
    expect(calls).toEqual([['end', 5, 'cancelled', { stationId: 'CP-1' }]]);
  });
});

describe('2.0.1 ReservationStatusUpdate', () => {
  it('stores Expired and Removed for the sending station, then answers {}', async () => {
    const { calls, repository } = fakeRepository();
    let handler: ((context: CallContext, request: object) => Promise<object>) | undefined;
    const registry = {
      registerVersioned: (tables: Record<string, Record<string, typeof handler>>) => {
        handler = tables['2.0.1']?.['ReservationStatusUpdate'];
      },
    };
    const durability = { store: async <T>(_logger: unknown, _action: string, write: () => Promise<T>) => write() };
    new ReservationStatusHandlers(registry as unknown as CallHandlerRegistry, repository, durability as unknown as DurableAcknowledgement).onModuleInit();
    const context: CallContext = { stationId: 'CP-9', protocol: 'ocpp2.0.1', securityProfile: 1, logger: pino({ level: 'silent' }) };
    await expect(handler?.(context, { reservationId: 5, reservationUpdateStatus: 'Expired' })).resolves.toEqual({});
    await expect(handler?.(context, { reservationId: 6, reservationUpdateStatus: 'Removed' })).resolves.toEqual({});
    expect(calls).toEqual([
      ['end', 5, 'expired', { stationId: 'CP-9' }],
      ['end', 6, 'removed', { stationId: 'CP-9' }],
    ]);
  });

  it('refuses a reservationId no reservation can have with PropertyConstraintViolation, touching nothing', async () => {
    const { calls, repository } = fakeRepository();
    let handler: ((context: CallContext, request: object) => Promise<object>) | undefined;
    const registry = {
      registerVersioned: (tables: Record<string, Record<string, typeof handler>>) => {
        handler = tables['2.0.1']?.['ReservationStatusUpdate'];
      },
    };
    const durability = { store: async <T>(_logger: unknown, _action: string, write: () => Promise<T>) => write() };
    new ReservationStatusHandlers(registry as unknown as CallHandlerRegistry, repository, durability as unknown as DurableAcknowledgement).onModuleInit();
    const context: CallContext = { stationId: 'CP-9', protocol: 'ocpp2.0.1', securityProfile: 1, logger: pino({ level: 'silent' }) };
    await expect(handler?.(context, { reservationId: 2_147_483_648, reservationUpdateStatus: 'Expired' })).rejects.toMatchObject({ kind: OcppErrorKind.PropertyConstraintViolation });
    expect(calls).toEqual([]);
  });
});
