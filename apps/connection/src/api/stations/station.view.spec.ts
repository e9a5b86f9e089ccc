import { OcppVersion } from '@app/contracts';
import { liveStateOf } from './station.view';

describe('liveStateOf', () => {
  const location = { epoch: 1n, commandPartition: 2, replicaId: 'connection-2', incarnation: '', protocol: OcppVersion.OCPP_VERSION_2_0_1, securityProfile: 2 };

  it('tells where a connected station is held and how it connected', () => {
    expect(liveStateOf({ ...location, connected: true })).toEqual({ connected: true, protocol: 'ocpp2.0.1', securityProfile: 2, replica: 'connection-2' });
  });

  it('says nothing but "offline" of a station that left or was never seen', () => {
    const offline = { connected: false, protocol: null, securityProfile: null, replica: null };
    expect(liveStateOf({ ...location, connected: false })).toEqual(offline);
    expect(liveStateOf(undefined)).toEqual(offline);
  });
});
