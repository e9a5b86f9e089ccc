import { fromOcppResponse } from './from-ocpp-response';
import { commandWith, expectCall, expectRefusal, validAnswer } from './station-command.fixtures';

const CHAIN = '-----BEGIN CERTIFICATE-----\nMIIC\n-----END CERTIFICATE-----';
const HASH = { hashAlgorithm: 'SHA256', issuerNameHash: 'a1b2', issuerKeyHash: 'c3d4', serialNumber: '0f' };

const signed = (certificateType = '') => commandWith({ case: 'certificateSigned', value: { certificateChainPem: CHAIN, certificateType } });
const install = (certificateType: string) => commandWith({ case: 'installCertificate', value: { certificateType, certificatePem: CHAIN } });
const remove = (certificate?: object) => commandWith({ case: 'deleteCertificate', value: { certificate } });
const installed = (...certificateTypes: string[]) => commandWith({ case: 'getInstalledCertificateIds', value: { certificateTypes } });

describe('certificate signed', () => {
  it('maps to 1.6 CertificateSigned, which carries the station certificate only', () => {
    expectCall('1.6', signed(), { action: 'CertificateSigned', payload: { certificateChain: CHAIN } });
    expectCall('1.6', signed('ChargingStationCertificate'), { action: 'CertificateSigned', payload: { certificateChain: CHAIN } });
    expectRefusal('1.6', signed('V2GCertificate'), 'carries the charge point certificate only');
  });

  it('maps to 2.0.1 CertificateSigned with its type', () => {
    expectCall('2.0.1', signed('V2GCertificate'), { action: 'CertificateSigned', payload: { certificateChain: CHAIN, certificateType: 'V2GCertificate' } });
    expectCall('2.0.1', signed(), { action: 'CertificateSigned', payload: { certificateChain: CHAIN } });
    expectRefusal('2.0.1', signed('RootCertificate'), 'is neither ChargingStationCertificate nor V2GCertificate');
  });

  it('maps the answer status', () => {
    const answer = validAnswer('1.6', 'CertificateSigned', { status: 'Accepted' });
    expect(fromOcppResponse('1.6', signed(), answer)).toStrictEqual({ accepted: true, result: { status: 'Accepted', stationStatus: 'Accepted' } });
  });
});

describe('install certificate', () => {
  it('translates the CSMS root name between versions', () => {
    for (const name of ['CSMSRootCertificate', 'CentralSystemRootCertificate']) {
      expectCall('1.6', install(name), { action: 'InstallCertificate', payload: { certificateType: 'CentralSystemRootCertificate', certificate: CHAIN } });
      expectCall('2.0.1', install(name), { action: 'InstallCertificate', payload: { certificateType: 'CSMSRootCertificate', certificate: CHAIN } });
    }
  });

  it('installs V2G and MO roots in 2.0.1 only', () => {
    expectCall('2.0.1', install('V2GRootCertificate'), { action: 'InstallCertificate', payload: { certificateType: 'V2GRootCertificate', certificate: CHAIN } });
    expectCall('1.6', install('ManufacturerRootCertificate'), {
      action: 'InstallCertificate',
      payload: { certificateType: 'ManufacturerRootCertificate', certificate: CHAIN },
    });
    expectRefusal('1.6', install('MORootCertificate'), 'OCPP 1.6 cannot install a "MORootCertificate"');
  });

  it('maps the answer status', () => {
    const answer = validAnswer('2.0.1', 'InstallCertificate', { status: 'Failed' });
    expect(fromOcppResponse('2.0.1', install('V2GRootCertificate'), answer)).toStrictEqual({ accepted: false, result: { status: 'Failed', stationStatus: 'Failed' } });
  });
});

describe('delete certificate', () => {
  it('sends the hash data in both versions', () => {
    expectCall('1.6', remove(HASH), { action: 'DeleteCertificate', payload: { certificateHashData: HASH } });
    expectCall('2.0.1', remove(HASH), { action: 'DeleteCertificate', payload: { certificateHashData: HASH } });
  });

  it('refuses a missing certificate or an unknown hash algorithm', () => {
    expectRefusal('1.6', remove(), 'names no certificate');
    expectRefusal('2.0.1', remove({ ...HASH, hashAlgorithm: 'MD5' }), 'hash algorithm "MD5"');
  });

  it('reads NotFound as not found', () => {
    const answer = validAnswer('1.6', 'DeleteCertificate', { status: 'NotFound' });
    expect(fromOcppResponse('1.6', remove(HASH), answer)).toStrictEqual({ accepted: false, result: { status: 'NotFound', stationStatus: 'NotFound' } });
  });
});

describe('installed certificate ids', () => {
  it('asks 1.6 for exactly one type', () => {
    expectCall('1.6', installed('CSMSRootCertificate'), { action: 'GetInstalledCertificateIds', payload: { certificateType: 'CentralSystemRootCertificate' } });
    expectRefusal('1.6', installed('CSMSRootCertificate', 'ManufacturerRootCertificate'), 'asks for exactly one certificate type, not 2');
    expectRefusal('1.6', installed(), 'asks for exactly one certificate type, not 0');
    expectRefusal('1.6', installed('V2GRootCertificate'), 'OCPP 1.6 has no installed "V2GRootCertificate" certificates');
  });

  it('asks 2.0.1 for any number of types, none meaning all', () => {
    expectCall('2.0.1', installed('CentralSystemRootCertificate', 'V2GCertificateChain'), {
      action: 'GetInstalledCertificateIds',
      payload: { certificateType: ['CSMSRootCertificate', 'V2GCertificateChain'] },
    });
    expectCall('2.0.1', installed(), { action: 'GetInstalledCertificateIds', payload: {} });
    expectRefusal('2.0.1', installed('Selfie'), 'OCPP 2.0.1 has no "Selfie" certificate type');
  });

  it('answers 1.6 hash data under the asked type, with its 2.0.1 name', () => {
    const answer = validAnswer('1.6', 'GetInstalledCertificateIds', { status: 'Accepted', certificateHashData: [HASH] });
    expect(fromOcppResponse('1.6', installed('CentralSystemRootCertificate'), answer)).toStrictEqual({
      accepted: true,
      result: { status: 'Accepted', stationStatus: 'Accepted', certificates: [{ type: 'CSMSRootCertificate', ...HASH }] },
    });
  });

  it('answers 2.0.1 chains with their types and children', () => {
    const child = { ...HASH, serialNumber: '10' };
    const answer = validAnswer('2.0.1', 'GetInstalledCertificateIds', {
      status: 'Accepted',
      certificateHashDataChain: [
        { certificateType: 'V2GCertificateChain', certificateHashData: HASH, childCertificateHashData: [child] },
        { certificateType: 'ManufacturerRootCertificate', certificateHashData: HASH },
      ],
    });
    expect(fromOcppResponse('2.0.1', installed(), answer)).toStrictEqual({
      accepted: true,
      result: {
        status: 'Accepted',
        stationStatus: 'Accepted',
        certificates: [
          { type: 'V2GCertificateChain', ...HASH, children: [child] },
          { type: 'ManufacturerRootCertificate', ...HASH },
        ],
      },
    });
  });

  it('answers NotFound as an accepted, empty inventory', () => {
    const answer = validAnswer('2.0.1', 'GetInstalledCertificateIds', { status: 'NotFound' });
    expect(fromOcppResponse('2.0.1', installed('MORootCertificate'), answer)).toStrictEqual({
      accepted: true,
      result: { status: 'Accepted', stationStatus: 'NotFound', certificates: [] },
    });
  });
});
