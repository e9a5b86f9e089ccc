import { OcppErrorKind } from '../errors/ocpp-error-kind';
import { OcppRpcError } from '../errors/ocpp-rpc.error';
import { parseFrame } from './frame.parser';
import { serializeCall, serializeCallError, serializeCallResult } from './frame.serializer';

describe('frame serializers', () => {
  it('writes the three frame types as OCPP-J arrays', () => {
    expect(serializeCall('m-1', 'Heartbeat', {})).toBe('[2,"m-1","Heartbeat",{}]');
    expect(serializeCallResult('m-1', { currentTime: '2025-01-01T00:00:00Z' })).toBe('[3,"m-1",{"currentTime":"2025-01-01T00:00:00Z"}]');
    const error = new OcppRpcError(OcppErrorKind.OccurrenceConstraintViolation, '/idTag is required', { path: '/idTag' });
    expect(serializeCallError('1.6', 'm-1', error)).toBe('[4,"m-1","OccurenceConstraintViolation","/idTag is required",{"path":"/idTag"}]');
    expect(serializeCallError('2.0.1', 'm-1', error)).toBe('[4,"m-1","OccurrenceConstraintViolation","/idTag is required",{"path":"/idTag"}]');
  });

  it('writes frames parseFrame reads back', () => {
    const error = new OcppRpcError(OcppErrorKind.RpcFrameworkError, 'x'.repeat(300));
    const parsed = parseFrame('2.0.1', serializeCallError('2.0.1', '-1', error));
    expect(parsed.ok && parsed.frame).toMatchObject({ messageId: '-1', errorCode: 'RpcFrameworkError', errorDetails: {} });
    expect(parseFrame('1.6', serializeCall('m-2', 'Authorize', { idTag: 'T' }))).toMatchObject({ ok: true, frame: { action: 'Authorize', payload: { idTag: 'T' } } });
  });
});
