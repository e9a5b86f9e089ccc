import type { OcppVersion } from '../ocpp-version';
import { OcppErrorKind } from './ocpp-error-kind';

/** OCPP-J 1.6 §4.2.3 (spelling as published: FormationViolation, OccurenceConstraintViolation). */
export const ocpp16ErrorCodes = [
  'NotImplemented',
  'NotSupported',
  'InternalError',
  'ProtocolError',
  'SecurityError',
  'FormationViolation',
  'PropertyConstraintViolation',
  'OccurenceConstraintViolation',
  'TypeConstraintViolation',
  'GenericError',
] as const;

/** OCPP-J 2.0.1 part 4 §4.3. */
export const ocpp201ErrorCodes = [
  'FormatViolation',
  'GenericError',
  'InternalError',
  'MessageTypeNotSupported',
  'NotImplemented',
  'NotSupported',
  'OccurrenceConstraintViolation',
  'PropertyConstraintViolation',
  'ProtocolError',
  'RpcFrameworkError',
  'SecurityError',
  'TypeConstraintViolation',
] as const;

export type Ocpp16ErrorCode = (typeof ocpp16ErrorCodes)[number];
export type Ocpp201ErrorCode = (typeof ocpp201ErrorCodes)[number];
export type OcppErrorCode<V extends OcppVersion = OcppVersion> = V extends '1.6' ? Ocpp16ErrorCode : Ocpp201ErrorCode;

const codeByKind: { readonly [V in OcppVersion]: Readonly<Record<OcppErrorKind, OcppErrorCode<V>>> } = {
  '1.6': {
    [OcppErrorKind.NotImplemented]: 'NotImplemented',
    [OcppErrorKind.NotSupported]: 'NotSupported',
    [OcppErrorKind.InternalError]: 'InternalError',
    [OcppErrorKind.ProtocolError]: 'ProtocolError',
    [OcppErrorKind.SecurityError]: 'SecurityError',
    [OcppErrorKind.FormatViolation]: 'FormationViolation',
    [OcppErrorKind.PduStructureViolation]: 'FormationViolation',
    [OcppErrorKind.PropertyConstraintViolation]: 'PropertyConstraintViolation',
    [OcppErrorKind.OccurrenceConstraintViolation]: 'OccurenceConstraintViolation',
    [OcppErrorKind.TypeConstraintViolation]: 'TypeConstraintViolation',
    [OcppErrorKind.GenericError]: 'GenericError',
    [OcppErrorKind.RpcFrameworkError]: 'FormationViolation',
    [OcppErrorKind.MessageTypeNotSupported]: 'FormationViolation',
  },
  '2.0.1': {
    [OcppErrorKind.NotImplemented]: 'NotImplemented',
    [OcppErrorKind.NotSupported]: 'NotSupported',
    [OcppErrorKind.InternalError]: 'InternalError',
    [OcppErrorKind.ProtocolError]: 'ProtocolError',
    [OcppErrorKind.SecurityError]: 'SecurityError',
    [OcppErrorKind.FormatViolation]: 'FormatViolation',
    [OcppErrorKind.PduStructureViolation]: 'ProtocolError',
    [OcppErrorKind.PropertyConstraintViolation]: 'PropertyConstraintViolation',
    [OcppErrorKind.OccurrenceConstraintViolation]: 'OccurrenceConstraintViolation',
    [OcppErrorKind.TypeConstraintViolation]: 'TypeConstraintViolation',
    [OcppErrorKind.GenericError]: 'GenericError',
    [OcppErrorKind.RpcFrameworkError]: 'RpcFrameworkError',
    [OcppErrorKind.MessageTypeNotSupported]: 'MessageTypeNotSupported',
  },
};

/**
 * Codes a peer may send, of either version and either spelling, read as a kind. Tolerant on
 * purpose: stations in the field mix the 1.6 and 2.0.1 spellings.
 */
const kindByCode: Readonly<Record<string, OcppErrorKind>> = {
  NotImplemented: OcppErrorKind.NotImplemented,
  NotSupported: OcppErrorKind.NotSupported,
  InternalError: OcppErrorKind.InternalError,
  ProtocolError: OcppErrorKind.ProtocolError,
  SecurityError: OcppErrorKind.SecurityError,
  FormationViolation: OcppErrorKind.FormatViolation,
  FormatViolation: OcppErrorKind.FormatViolation,
  PropertyConstraintViolation: OcppErrorKind.PropertyConstraintViolation,
  OccurenceConstraintViolation: OcppErrorKind.OccurrenceConstraintViolation,
  OccurrenceConstraintViolation: OcppErrorKind.OccurrenceConstraintViolation,
  TypeConstraintViolation: OcppErrorKind.TypeConstraintViolation,
  GenericError: OcppErrorKind.GenericError,
  RpcFrameworkError: OcppErrorKind.RpcFrameworkError,
  MessageTypeNotSupported: OcppErrorKind.MessageTypeNotSupported,
};

/** The errorCode that `version` uses on the wire for `kind`. */
export function errorCodeOf<V extends OcppVersion>(version: V, kind: OcppErrorKind): OcppErrorCode<V> {
  return codeByKind[version][kind] as OcppErrorCode<V>;
}

/** The error codes `version` defines, in specification order. */
export function errorCodesOf(version: OcppVersion): readonly string[] {
  return version === '1.6' ? ocpp16ErrorCodes : ocpp201ErrorCodes;
}

/** Reads a peer's errorCode; undefined for a code neither version defines. */
export function kindOfErrorCode(code: string): OcppErrorKind | undefined {
  return Object.prototype.hasOwnProperty.call(kindByCode, code) ? kindByCode[code] : undefined;
}
