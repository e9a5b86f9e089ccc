import { codePointLength, truncateDescription } from './error-description';
import { OcppErrorKind } from './ocpp-error-kind';
import { OcppRpcError } from './ocpp-rpc.error';

describe('OcppRpcError', () => {
  it('names its code per version', () => {
    const error = new OcppRpcError(OcppErrorKind.OccurrenceConstraintViolation, '/idTag is required');
    expect(error.codeIn('1.6')).toBe('OccurenceConstraintViolation');
    expect(error.codeIn('2.0.1')).toBe('OccurrenceConstraintViolation');
    expect(error.origin).toBe('local');
    expect(error.details).toEqual({});
    expect(error.message).toBe('OccurrenceConstraintViolation: /idTag is required');
  });

  it('keeps descriptions within 255 characters without splitting a character', () => {
    const long = `${'a'.repeat(250)}${'😀'.repeat(10)}`;
    const error = new OcppRpcError(OcppErrorKind.GenericError, long);
    expect(codePointLength(error.description)).toBe(255);
    expect(error.description.endsWith('😀…')).toBe(true);
    expect(truncateDescription('short')).toBe('short');
    expect(truncateDescription('b'.repeat(255))).toBe('b'.repeat(255));
  });

  it('reads a peer CALLERROR, keeping the code as sent', () => {
    const error = OcppRpcError.fromCallError('OccurenceConstraintViolation', 'missing idTag', { field: 'idTag' });
    expect(error).toMatchObject({ kind: OcppErrorKind.OccurrenceConstraintViolation, origin: 'peer', peerCode: 'OccurenceConstraintViolation' });
    expect(error.details).toEqual({ field: 'idTag' });
  });

  it('reads an unknown peer code as GenericError', () => {
    const error = OcppRpcError.fromCallError('VendorSpecificFailure', 'boom', {});
    expect(error.kind).toBe(OcppErrorKind.GenericError);
    expect(error.peerCode).toBe('VendorSpecificFailure');
  });
});
