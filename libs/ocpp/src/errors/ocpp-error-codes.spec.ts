import { errorCodeOf, errorCodesOf, kindOfErrorCode } from './ocpp-error-codes';
import { OcppErrorKind } from './ocpp-error-kind';

const K = OcppErrorKind;

describe('OCPP error codes', () => {
  it.each([
    [K.NotImplemented, 'NotImplemented', 'NotImplemented'],
    [K.NotSupported, 'NotSupported', 'NotSupported'],
    [K.InternalError, 'InternalError', 'InternalError'],
    [K.ProtocolError, 'ProtocolError', 'ProtocolError'],
    [K.SecurityError, 'SecurityError', 'SecurityError'],
    [K.FormatViolation, 'FormationViolation', 'FormatViolation'],
    [K.PduStructureViolation, 'FormationViolation', 'ProtocolError'],
    [K.PropertyConstraintViolation, 'PropertyConstraintViolation', 'PropertyConstraintViolation'],
    [K.OccurrenceConstraintViolation, 'OccurenceConstraintViolation', 'OccurrenceConstraintViolation'],
    [K.TypeConstraintViolation, 'TypeConstraintViolation', 'TypeConstraintViolation'],
    [K.GenericError, 'GenericError', 'GenericError'],
    [K.RpcFrameworkError, 'FormationViolation', 'RpcFrameworkError'],
    [K.MessageTypeNotSupported, 'FormationViolation', 'MessageTypeNotSupported'],
  ])('%s is %s in 1.6 and %s in 2.0.1', (kind, code16, code201) => {
    expect(errorCodeOf('1.6', kind)).toBe(code16);
    expect(errorCodeOf('2.0.1', kind)).toBe(code201);
  });

  it('maps every kind to a code the version defines, and uses every code of each version', () => {
    for (const version of ['1.6', '2.0.1'] as const) {
      const produced = new Set(Object.values(OcppErrorKind).map((kind) => errorCodeOf(version, kind)));
      expect([...produced].sort()).toEqual([...errorCodesOf(version)].sort());
    }
  });

  it('spells occurrence as each specification does', () => {
    expect(errorCodesOf('1.6')).toContain('OccurenceConstraintViolation');
    expect(errorCodesOf('1.6')).not.toContain('OccurrenceConstraintViolation');
    expect(errorCodesOf('2.0.1')).toContain('OccurrenceConstraintViolation');
    expect(errorCodesOf('2.0.1')).not.toContain('OccurenceConstraintViolation');
  });

  it('reads peer codes of either version and either spelling', () => {
    expect(kindOfErrorCode('FormationViolation')).toBe(K.FormatViolation);
    expect(kindOfErrorCode('FormatViolation')).toBe(K.FormatViolation);
    expect(kindOfErrorCode('OccurenceConstraintViolation')).toBe(K.OccurrenceConstraintViolation);
    expect(kindOfErrorCode('OccurrenceConstraintViolation')).toBe(K.OccurrenceConstraintViolation);
    expect(kindOfErrorCode('RpcFrameworkError')).toBe(K.RpcFrameworkError);
    expect(kindOfErrorCode('NoSuchCode')).toBeUndefined();
    expect(kindOfErrorCode('toString')).toBeUndefined();
  });
});
