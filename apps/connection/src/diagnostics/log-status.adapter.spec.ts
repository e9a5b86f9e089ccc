import { diagnosticsStatusOf16, logStatusOf } from './log-status.adapter';

describe('log status adapters', () => {
  it('reads 1.6 DiagnosticsStatusNotification and LogStatusNotification (1.6 security, 2.0.1) alike', () => {
    expect(diagnosticsStatusOf16({ status: 'Uploaded' })).toEqual({ status: 'Uploaded', requestId: 0 });
    expect(logStatusOf({ status: 'Uploading', requestId: 4 })).toEqual({ status: 'Uploading', requestId: 4 });
  });
});
