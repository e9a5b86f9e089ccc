import { OcppVersion, createEnvelope, timestampFromDate } from '@app/contracts';
import { PresenceDirectory } from './presence-directory';

function presence(stationId: string, epoch: bigint, connected: boolean, partition: number) {
  return createEnvelope('stationPresence', {
    eventId: `${stationId}-${epoch}`,
    stationId,
    body: { case: 'state', value: { epoch, connected, commandPartition: partition, replicaId: `r${partition}` } },
  });
}

describe('PresenceDirectory', () => {
  it('follows a station to the replica of its newest connection', () => {
    const directory = new PresenceDirectory();
    directory.apply(presence('CP-1', 10n, true, 0));
    directory.apply(presence('CP-1', 20n, true, 2));
    expect(directory.locate('CP-1')).toMatchObject({ connected: true, commandPartition: 2 });
  });

  it('ignores a late disconnect from a replica the station already left', () => {
    const directory = new PresenceDirectory();
    directory.apply(presence('CP-1', 20n, true, 2));
    directory.apply(presence('CP-1', 10n, false, 0));
    expect(directory.locate('CP-1')).toMatchObject({ connected: true, commandPartition: 2 });
  });

  it('keeps how the station is connected, for display, and lists every station it knows', () => {
    const directory = new PresenceDirectory();
    directory.apply(
      createEnvelope('stationPresence', {
        eventId: 'e1',
        stationId: 'CP-1',
        body: { case: 'state', value: { epoch: 1n, connected: true, commandPartition: 1, replicaId: 'r1', protocol: OcppVersion.OCPP_VERSION_1_6, securityProfile: 2 } },
      }),
    );
    directory.apply(presence('CP-2', 1n, false, 0));
    expect(directory.locate('CP-1')).toMatchObject({ protocol: OcppVersion.OCPP_VERSION_1_6, securityProfile: 2 });
    expect([...directory.entries()].map(([stationId, location]) => [stationId, location.connected])).toEqual([
      ['CP-1', true],
      ['CP-2', false],
    ]);
  });

  it('tells listeners about changes', () => {
    const directory = new PresenceDirectory();
    const seen: string[] = [];
    const stop = directory.onChange((stationId, location) => seen.push(`${stationId}:${location.connected}`));
    directory.apply(presence('CP-1', 1n, true, 0));
    stop();
    directory.apply(presence('CP-1', 2n, false, 0));
    expect(seen).toEqual(['CP-1:true']);
  });

  describe('replica liveness (ADR 042)', () => {
    const located = (stationId: string, partition: number, incarnation: string, epoch = 1n) =>
      createEnvelope('stationPresence', {
        eventId: `${stationId}-${epoch}`,
        stationId,
        body: { case: 'state', value: { epoch, connected: true, commandPartition: partition, replicaId: 'gw', incarnation } },
      });
    const heartbeat = (partition: number, incarnation: string, sentAt: number, validForMs = 10_000) =>
      createEnvelope('stationPresence', {
        eventId: `hb-${partition}-${sentAt}`,
        stationId: `replica/${partition}`,
        body: { case: 'heartbeat', value: { replicaId: 'gw', commandPartition: partition, incarnation, sentAt: timestampFromDate(new Date(sentAt)), validForMs } },
      });
    let now = 1_000_000;
    const clock = () => now;

    it('counts a station connected only while its replica’s heartbeat is fresh', () => {
      const directory = new PresenceDirectory({ requireHeartbeat: true, now: clock });
      directory.apply(located('CP-1', 1, 'a'));
      expect(directory.locate('CP-1')?.connected).toBe(false);
      directory.apply(heartbeat(1, 'a', now));
      expect(directory.locate('CP-1')?.connected).toBe(true);
      now += 9_999;
      expect(directory.locate('CP-1')?.connected).toBe(true);
      now += 1;
      expect(directory.locate('CP-1')).toMatchObject({ connected: false, commandPartition: 1 });
      expect([...directory.entries()]).toEqual([['CP-1', expect.objectContaining({ connected: false })]]);
    });

    it('does not give a restarted replica its predecessor’s stations', () => {
      const directory = new PresenceDirectory({ requireHeartbeat: true, now: clock });
      directory.apply(located('CP-OLD', 0, 'first'));
      directory.apply(heartbeat(0, 'second', now));
      directory.apply(located('CP-NEW', 0, 'second'));
      expect(directory.locate('CP-OLD')?.connected).toBe(false);
      expect(directory.locate('CP-NEW')?.connected).toBe(true);
    });

    it('keeps stations of replicas that predate heartbeats unless told to require them', () => {
      const lenient = new PresenceDirectory({ now: clock });
      lenient.apply(located('CP-1', 0, ''));
      expect(lenient.locate('CP-1')?.connected).toBe(true);
      lenient.apply(heartbeat(0, 'x', now - 20_000));
      expect(lenient.locate('CP-1')?.connected).toBe(false);
    });

    it('tells listeners once when a replica expires and when it comes back', () => {
      const directory = new PresenceDirectory({ requireHeartbeat: true, now: clock });
      const seen: string[] = [];
      directory.apply(heartbeat(2, 'a', now));
      directory.apply(located('CP-1', 2, 'a'));
      directory.onChange((stationId, location) => seen.push(`${stationId}:${location.connected}`));
      directory.sweep();
      now += 10_000;
      directory.sweep();
      directory.sweep();
      directory.apply(heartbeat(2, 'a', now));
      expect(seen).toEqual(['CP-1:false', 'CP-1:true']);
    });
  });
});
