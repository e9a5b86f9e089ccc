import type { IncomingMessage } from 'node:http';
import { loadConfig } from '@app/config';
import pino from 'pino';
import { TrustedProxies } from './client-address';
import { UpgradeGuard } from './upgrade-guard';

const abuse = {
  ...loadConfig({ services: ['connection'], defaultHttpPort: 3000, embedded: false }, {}).gateway.abuse,
  connectPerAddress: { perSecond: 1, burst: 5 },
  failuresPerAddress: 3,
  blockMs: 10_000,
};

function request(url: string, remoteAddress = '198.51.100.4', headers: Record<string, string> = {}): IncomingMessage {
  return { url, headers, socket: { remoteAddress } } as unknown as IncomingMessage;
}

describe('UpgradeGuard', () => {
  let clock = 0;
  let published: Array<{ stationId: string; type: string; techInfo: string }>;
  let guard: UpgradeGuard;
  let blocked: string[];

  beforeEach(() => {
    jest.useFakeTimers();
    clock = 0;
    published = [];
    blocked = [];
    guard = new UpgradeGuard(
      abuse,
      new TrustedProxies(['10.0.0.1']),
      {
        onBlocked: (scope) => blocked.push(scope),
        publishSummary: async (stationId, type, techInfo) => published.push({ stationId, type, techInfo }),
      },
      pino({ level: 'silent' }),
      () => clock,
    );
    guard.start();
  });

  afterEach(() => {
    guard.stop();
    jest.useRealTimers();
  });

  it('refuses a blocked address before its attempt rate, and summarises the block once when it lapses', async () => {
    for (const id of ['A', 'B', 'C']) {
      const decision = guard.admit(request(`/ocpp/${id}`));
      if (!decision.admitted) throw new Error(`refused ${decision.reason}`);
      guard.failed(decision.attempt);
    }
    expect(blocked).toEqual(['address']);
    for (let i = 0; i < 100; i += 1) expect(guard.admit(request(`/ocpp/X-${i}`))).toMatchObject({ admitted: false, reason: 'address-blocked', retryAfterSeconds: 10 });
    expect(guard.admit(request('/ocpp/A', '203.0.113.9'))).toMatchObject({ admitted: true });
    jest.advanceTimersByTime(5000);
    expect(published).toEqual([]);
    clock = 10_000;
    jest.advanceTimersByTime(1000);
    await Promise.resolve();
    expect(published).toEqual([{ stationId: 'A', type: 'RepeatedFailedAuthentications', techInfo: expect.stringMatching(/^address 198\.51\.100\.4 blocked for 10 s after 3 failed authentications in 0 s; 100 tries refused/) }]);
    jest.advanceTimersByTime(5000);
    expect(published).toHaveLength(1);
  });

  it('limits attempts per address with a Retry-After in whole seconds, and counts the client a trusted proxy names', () => {
    const viaProxy = () => guard.admit(request('/ocpp/P', '10.0.0.1', { 'x-forwarded-for': '203.0.113.5' }));
    for (let i = 0; i < 5; i += 1) expect(viaProxy()).toMatchObject({ admitted: true, attempt: { address: '203.0.113.5' } });
    expect(viaProxy()).toMatchObject({ admitted: false, reason: 'address-rate', retryAfterSeconds: 1 });
    expect(guard.admit(request('/ocpp/P', '10.0.0.1'))).toMatchObject({ admitted: true, attempt: { address: '10.0.0.1' } });
  });

  it('takes no station id from a path that names none, and limits nothing by it', () => {
    expect(guard.admit(request('/elsewhere/X'))).toMatchObject({ admitted: true, attempt: { stationId: undefined } });
    expect(guard.admit(request('/ocpp/%E0%A4%A'))).toMatchObject({ admitted: true, attempt: { stationId: undefined } });
  });

  it('reports blocks still running when it stops', async () => {
    for (const id of ['A', 'B', 'C']) {
      const decision = guard.admit(request(`/ocpp/${id}`));
      if (decision.admitted) guard.failed(decision.attempt);
    }
    guard.stop();
    await Promise.resolve();
    expect(published).toHaveLength(1);
  });
});
