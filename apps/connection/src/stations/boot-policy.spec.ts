import { decideBoot } from './boot-policy';

const settings = { heartbeatIntervalSeconds: 300, bootRetryIntervalSeconds: 60 };

describe('decideBoot', () => {
  it('accepts an accepted station with the heartbeat interval', () => {
    expect(decideBoot('accepted', settings)).toEqual({ status: 'Accepted', intervalSeconds: 300 });
  });

  it.each([
    ['pending', 'Pending'],
    ['rejected', 'Rejected'],
  ] as const)('answers a %s station %s with the boot retry interval', (registration, status) => {
    expect(decideBoot(registration, settings)).toEqual({ status, intervalSeconds: 60 });
  });

  it('rejects a station that is no longer registered', () => {
    expect(decideBoot(undefined, settings)).toEqual({ status: 'Rejected', intervalSeconds: 60 });
  });
});
