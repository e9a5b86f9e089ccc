import type { ApiPrincipal } from '@app/runtime';
import pino from 'pino';
import type { CommandBody, CommandOutcome, StationCommandClient } from '@app/station-commands';
import type { Reservation, ReservationRepository } from '../station-core.port';
import type { StationReadRepository } from '../stations/station-read.repository';
import type { ReservationReadRepository } from './reservation-read.repository';
import type { CreateReservationBody } from './reservation.schemas';
import { ReservationsService } from './reservations.service';

const NOW = new Date('2026-03-01T12:00:00Z');

/** An in-memory connection.reservation with the repository's rules (answers only change requested ones, ends only held ones). */
class FakeReservations {
  readonly rows = new Map<number, Reservation>();
  private nextId = 41;

  async create(request: Omit<Reservation, 'id' | 'status' | 'stationStatus' | 'commandId' | 'failure' | 'transactionId' | 'createdAt' | 'updatedAt' | 'endedAt'>) {
    const row: Reservation = { ...request, id: this.nextId++, status: 'requested', stationStatus: null, commandId: null, failure: null, transactionId: null, createdAt: NOW, updatedAt: NOW, endedAt: null };
    this.rows.set(row.id, row);
    return row;
  }

  async find(id: number) {
    return this.rows.get(id);
  }

  async recordAnswer(id: number, commandId: string, answered: Pick<Reservation, 'status' | 'stationStatus' | 'failure'>) {
    const row = this.rows.get(id);
    if (row?.status === 'requested') this.rows.set(id, { ...row, ...answered, commandId });
  }

  async end(id: number, status: Reservation['status']) {
    const row = this.rows.get(id);
    if (row?.status !== 'active' && row?.status !== 'requested') return false;
    this.rows.set(id, { ...row, status, endedAt: NOW });
    return true;
  }
}

function setup(outcome: Omit<CommandOutcome, 'commandId'>) {
  const sent: { stationId: string; body: CommandBody }[] = [];
  const client = {
    send: async (stationId: string, body: CommandBody) => {
      sent.push({ stationId, body });
      return { commandId: 'cmd-1', ...outcome };
    },
  };
  const stations = { exists: async (id: string) => id === 'CP-1' };
  const reservations = new FakeReservations();
  const service = new ReservationsService(
    client as unknown as StationCommandClient,
    stations as unknown as StationReadRepository,
    reservations as unknown as ReservationRepository,
    {} as ReservationReadRepository,
    pino({ level: 'silent' }),
  );
  return { service, sent, reservations };
}

const body = (fields: Partial<CreateReservationBody> = {}): CreateReservationBody => ({
  stationId: 'CP-1',
  evseId: 1,
  idToken: 'TAG-A',
  idTokenType: 'ISO14443',
  expiresAt: '2026-03-01T12:30:00Z',
  ...fields,
});
const operator: ApiPrincipal = { name: 'ops-1', roles: ['operator'] };

describe('reservations service', () => {
  it('stores the reservation, sends ReserveNow with the allocated id and shows it active when the station accepts', async () => {
    const { service, sent } = setup({ status: 'accepted', result: { status: 'Accepted', stationStatus: 'Accepted', reservationId: 41 } });
    const result = await service.create(body({ groupIdToken: 'FLEET' }), operator, NOW);
    expect(result).toMatchObject({
      ok: true,
      value: {
        reservation: { id: 41, stationId: 'CP-1', evseId: 1, idToken: 'TAG-A', groupIdToken: 'FLEET', status: 'active', active: true, stationStatus: 'Accepted', commandId: 'cmd-1', createdBy: 'ops-1' },
        answer: { commandId: 'cmd-1', status: 'accepted', result: { stationStatus: 'Accepted' } },
      },
    });
    expect(sent).toEqual([
      {
        stationId: 'CP-1',
        body: {
          case: 'reserveNow',
          value: expect.objectContaining({ reservationId: 41, evseId: 1, idToken: { value: 'TAG-A', type: 'ISO14443' }, groupIdToken: { value: 'FLEET', type: '' }, connectorType: '' }),
        },
      },
    ]);
  });

  it('keeps the station’s reason when it refuses', async () => {
    const { service } = setup({ status: 'rejected', result: { status: 'Rejected', stationStatus: 'Occupied' } });
    const result = await service.create(body(), operator, NOW);
    expect(result).toMatchObject({ ok: true, value: { reservation: { status: 'occupied', active: false }, answer: { status: 'rejected' } } });
  });

  it('stores a reservation the station never answered as failed, and names it in the problem', async () => {
    const { service, reservations } = setup({ status: 'not-connected', errorDescription: 'station CP-1 is not connected' });
    const result = await service.create(body(), operator, NOW);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ code: 'station-not-connected', details: { commandId: 'cmd-1', reservationId: 41 } });
    expect(reservations.rows.get(41)).toMatchObject({ status: 'failed', failure: 'not-connected: station CP-1 is not connected' });
  });

  it('refuses an expiry that is not in the future, or an unknown station, storing and sending nothing', async () => {
    const { service, sent, reservations } = setup({ status: 'accepted', result: {} });
    expect(await service.create(body({ expiresAt: '2026-03-01T12:00:00Z' }), operator, NOW)).toMatchObject({ ok: false, error: { code: 'reservation-invalid' } });
    expect(await service.create(body({ stationId: 'NOPE' }), operator, NOW)).toMatchObject({ ok: false, error: { code: 'station-not-found' } });
    expect(sent).toEqual([]);
    expect(reservations.rows.size).toBe(0);
  });

  it('cancels an active reservation when the station accepts CancelReservation', async () => {
    const { service, sent, reservations } = setup({ status: 'accepted', result: { status: 'Accepted', stationStatus: 'Accepted', reservationId: 41 } });
    await service.create(body(), operator, NOW);
    const result = await service.cancel(41, operator);
    expect(result).toMatchObject({ ok: true, value: { reservation: { status: 'cancelled', active: false }, answer: { status: 'accepted' } } });
    expect(sent[1]?.body).toEqual({ case: 'cancelReservation', value: { reservationId: 41 } });
    expect(reservations.rows.get(41)?.status).toBe('cancelled');
  });

  it('refuses to cancel what does not exist or no longer holds its EVSE', async () => {
    const { service, reservations } = setup({ status: 'rejected', result: { status: 'Rejected', stationStatus: 'Rejected' } });
    expect(await service.cancel(99, operator)).toMatchObject({ ok: false, error: { code: 'reservation-not-found' } });
    await service.create(body(), operator, NOW);
    expect(reservations.rows.get(41)?.status).toBe('rejected');
    expect(await service.cancel(41, operator)).toMatchObject({ ok: false, error: { code: 'reservation-not-held', details: { status: 'rejected' } } });
  });
});
