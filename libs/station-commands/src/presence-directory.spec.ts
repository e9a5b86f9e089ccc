import { createEnvelope } from '@app/contracts';
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
