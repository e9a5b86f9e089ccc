import type { ProfileRequest } from './planned-profile';
import { withinProfileBudget } from './profile-budget';

function request(purpose: ProfileRequest['purpose'], evseId: number): ProfileRequest {
  return { purpose, evseId, phases: 3, timeline: [{ atOffsetS: 0, amps: 16 }], startAt: 0, transactionId: purpose === 'tx' ? `tx-${evseId}` : undefined };
}

const planned = [request('station-max', 0), request('tx-default', 0), request('tx', 1), request('tx', 2)];
const names = (requests: readonly ProfileRequest[]) => requests.map((entry) => `${entry.purpose}/${entry.evseId}`);

describe('withinProfileBudget', () => {
  it('keeps everything a station has room for', () => {
    expect(names(withinProfileBudget(planned, 4).kept)).toEqual(['station-max/0', 'tx-default/0', 'tx/1', 'tx/2']);
  });

  it('drops the station-max guard first, then the default, keeping the running sessions’ TxProfiles', () => {
    expect(names(withinProfileBudget(planned, 3).dropped)).toEqual(['station-max/0']);
    expect(names(withinProfileBudget(planned, 2).kept)).toEqual(['tx/1', 'tx/2']);
    expect(names(withinProfileBudget(planned, 1).kept)).toEqual(['tx/1']);
    expect(withinProfileBudget(planned, 0).kept).toEqual([]);
  });

  it('keeps everything when the room is unknown', () => {
    expect(withinProfileBudget(planned, Number.POSITIVE_INFINITY).dropped).toEqual([]);
  });
});
