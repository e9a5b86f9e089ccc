import { fromOcppResponse } from './from-ocpp-response';
import { commandWith, expectCall, expectRefusal, validAnswer } from './station-command.fixtures';

const transfer = (value: object) => commandWith({ case: 'dataTransfer', value });

describe('data transfer', () => {
  it('maps to DataTransfer in both versions, leaving out what is not given', () => {
    for (const version of ['1.6', '2.0.1'] as const) {
      expectCall(version, transfer({ vendorId: 'com.acme', messageId: 'Price', data: '{"eur":0.39}' }), {
        action: 'DataTransfer',
        payload: { vendorId: 'com.acme', messageId: 'Price', data: '{"eur":0.39}' },
      });
      expectCall(version, transfer({ vendorId: 'com.acme' }), { action: 'DataTransfer', payload: { vendorId: 'com.acme' } });
    }
  });

  it('refuses a transfer without vendor', () => {
    expectRefusal('2.0.1', transfer({ data: 'x' }), 'needs a vendor id');
  });

  it('answers status and data, 2.0.1 JSON data as its text', () => {
    const command = transfer({ vendorId: 'com.acme' });
    expect(fromOcppResponse('1.6', command, validAnswer('1.6', 'DataTransfer', { status: 'Accepted', data: 'pong' }))).toStrictEqual({
      accepted: true,
      result: { status: 'Accepted', stationStatus: 'Accepted', data: 'pong' },
    });
    expect(fromOcppResponse('2.0.1', command, validAnswer('2.0.1', 'DataTransfer', { status: 'UnknownVendorId', data: { code: 7 } }))).toStrictEqual({
      accepted: false,
      result: { status: 'NotSupported', stationStatus: 'UnknownVendorId', data: '{"code":7}' },
    });
  });
});
