import type { AuthorizationDecision } from '../authorization/id-token';
import type { HeldReservation } from './reservation';
import { ReservationEnforcer } from './reservation.enforcer';
import type { ReservationRepository } from './reservation.repository';

const NOW = new Date('2026-03-01T12:00:00Z');
const accepted: AuthorizationDecision = { status: 'Accepted', expiresAt: undefined, groupIdToken: undefined };
const tag = (value: string) => ({ value, type: 'ISO14443' });

function enforcerWith(held: HeldReservation[], evseIds: number[]) {
  const ended: [number, string, object][] = [];
  const repository = {
    activeAt: jest.fn(async () => held),
    evseIdsOf: jest.fn(async () => evseIds),
    end: async (id: number, status: string, where: object) => {
      ended.push([id, status, where]);
      return true;
    },
  };
  return { enforcer: new ReservationEnforcer(repository as unknown as ReservationRepository), repository, ended };
}

const reservedForA: HeldReservation = { id: 9, evseId: 1, idToken: 'TAG-A', groupIdToken: 'FLEET', expiresAt: new Date('2026-03-01T12:30:00Z') };

describe('reservation enforcer', () => {
  it('answers another token NotAtThisTime at a start on the reserved EVSE, keeping the rest of the decision', async () => {
    const { enforcer } = enforcerWith([reservedForA], [1]);
    const groupOf = { ...accepted, groupIdToken: 'OTHER', expiresAt: NOW };
    expect(await enforcer.atStart('CP-1', { evseId: 1, reservationId: undefined }, tag('TAG-B'), groupOf, NOW)).toEqual({
      decision: { status: 'NotAtThisTime', groupIdToken: 'OTHER', expiresAt: NOW },
      reservationId: undefined,
    });
  });

  it('lets the reserving token and its group start there, naming the reservation it uses', async () => {
    const { enforcer } = enforcerWith([reservedForA], [1]);
    expect(await enforcer.atStart('CP-1', { evseId: 1, reservationId: 9 }, tag('TAG-A'), accepted, NOW)).toEqual({ decision: accepted, reservationId: 9 });
    const member = { ...accepted, groupIdToken: 'FLEET' };
    expect(await enforcer.atStart('CP-1', { evseId: 1, reservationId: undefined }, tag('TAG-C'), member, NOW)).toEqual({ decision: member, reservationId: 9 });
  });

  it('refuses at Authorize only when every EVSE is reserved for others', async () => {
    expect(await enforcerWith([reservedForA], [1]).enforcer.atAuthorize('CP-1', tag('TAG-B'), accepted, NOW)).toEqual({ ...accepted, status: 'NotAtThisTime' });
    expect(await enforcerWith([reservedForA], [1, 2]).enforcer.atAuthorize('CP-1', tag('TAG-B'), accepted, NOW)).toEqual(accepted);
  });

  it('leaves refused tokens as they are without reading reservations, and skips the EVSE read when none are active', async () => {
    const { enforcer, repository } = enforcerWith([reservedForA], [1]);
    const blocked = { ...accepted, status: 'Blocked' as const };
    expect(await enforcer.atAuthorize('CP-1', tag('TAG-B'), blocked, NOW)).toEqual(blocked);
    expect(repository.activeAt).not.toHaveBeenCalled();
    const none = enforcerWith([], [1]);
    expect(await none.enforcer.atAuthorize('CP-1', tag('TAG-B'), accepted, NOW)).toEqual(accepted);
    expect(none.repository.evseIdsOf).not.toHaveBeenCalled();
  });

  it('marks a reservation used by the transaction, on its own station only', async () => {
    const { enforcer, ended } = enforcerWith([], []);
    await enforcer.markUsed(9, 'CP-1', 'tx-1');
    expect(ended).toEqual([[9, 'used', { stationId: 'CP-1', transactionId: 'tx-1' }]]);
  });
});
