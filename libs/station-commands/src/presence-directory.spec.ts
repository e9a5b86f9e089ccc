import { OcppVersion, createEnvelope } from '@app/contracts';
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
});
