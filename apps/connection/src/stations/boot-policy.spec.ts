import { decideBoot } from './boot-policy';

const settings = { heartbeatIntervalSeconds: 300, bootRetryIntervalSeconds: 60 };

describe('decideBoot', () => {
  it('accepts an accepted station with the heartbeat interval', () => {
    expect(decideBoot('accepted', settings)).toEqual({ status: 'Accepted', intervalSeconds: 300 });
  });

  it.each([
    ['pending', 'Pending', 'awaiting-acceptance'],
    ['rejected', 'Rejected', 'registration-rejected'],
  ] as const)('answers a %s station %s with the boot retry interval, saying why', (registration, status, reason) => {
    expect(decideBoot(registration, settings)).toEqual({ status, intervalSeconds: 60, reason });
  });

  it('rejects a station that is no longer registered', () => {
    expect(decideBoot(undefined, settings)).toEqual({ status: 'Rejected', intervalSeconds: 60, reason: 'not-registered' });
  });
});
