import { OcppVersion } from '@app/contracts';
import { liveStateOf, stationSummaryOf } from './station.view';

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

describe('stationSummaryOf', () => {
  it('totals the registry by status and the connected stations by protocol, every key present', () => {
    expect(
      stationSummaryOf([
        { registration_status: 'accepted', protocol: null, count: '5' },
        { registration_status: 'accepted', protocol: 'ocpp1.6', count: '3' },
        { registration_status: 'accepted', protocol: 'ocpp2.0.1', count: 2 },
        { registration_status: 'pending', protocol: 'ocpp2.0.1', count: '1' },
        { registration_status: 'rejected', protocol: null, count: '1' },
      ]),
    ).toEqual({ total: 12, connected: 6, byRegistrationStatus: { accepted: 10, pending: 1, rejected: 1 }, byProtocol: { 'ocpp1.6': 3, 'ocpp2.0.1': 3, 'ocpp2.1': 0 } });
    expect(stationSummaryOf([])).toEqual({ total: 0, connected: 0, byRegistrationStatus: { accepted: 0, pending: 0, rejected: 0 }, byProtocol: { 'ocpp1.6': 0, 'ocpp2.0.1': 0, 'ocpp2.1': 0 } });
  });
});
