import { validateResponse } from '@app/ocpp';
import { dataTransferOf16, dataTransferOf201, dataTransferStatus } from './data-transfer.adapter';

describe('DataTransfer from stations', () => {
  it('reads 1.6 string data and 2.0.1 JSON data alike', () => {
    expect(dataTransferOf16({ vendorId: 'com.acme', messageId: 'ping', data: 'hello' })).toEqual({ vendorId: 'com.acme', messageId: 'ping', data: 'hello' });
    expect(dataTransferOf201({ vendorId: 'com.acme', data: { level: 3 } })).toEqual({ vendorId: 'com.acme', messageId: undefined, data: '{"level":3}' });
    expect(dataTransferOf201({ vendorId: 'com.acme' }).data).toBeUndefined();
  });

  it('answers UnknownVendorId unless the vendor is configured', () => {
    const report = dataTransferOf16({ vendorId: 'com.acme' });
    expect(dataTransferStatus(report, new Set())).toBe('UnknownVendorId');
    expect(dataTransferStatus(report, new Set(['com.other']))).toBe('UnknownVendorId');
    expect(dataTransferStatus(report, new Set(['com.acme']))).toBe('Accepted');
  });

  it.each(['1.6', '2.0.1'] as const)('answers %s with a schema-valid response', (version) => {
    expect(validateResponse(version, 'DataTransfer', { status: 'UnknownVendorId' })).toEqual({ ok: true });
  });
});
