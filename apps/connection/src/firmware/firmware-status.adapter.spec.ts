import { firmwareStatusOf, firmwareStatusOf16 } from './firmware-status.adapter';

describe('firmware status adapters', () => {
  it('reads 1.6 core (no request id), 1.6 signed firmware and 2.0.1 notifications alike', () => {
    expect(firmwareStatusOf16({ status: 'Installing' })).toEqual({ status: 'Installing', requestId: 0 });
    expect(firmwareStatusOf({ status: 'SignatureVerified', requestId: 12 })).toEqual({ status: 'SignatureVerified', requestId: 12 });
    expect(firmwareStatusOf({ status: 'Idle' })).toEqual({ status: 'Idle', requestId: 0 });
  });
});
