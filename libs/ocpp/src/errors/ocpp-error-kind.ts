/**
 * Why a CALL could not be answered with a CALLRESULT, independent of the OCPP version.
 * `errorCodeOf` names each kind in one version's vocabulary; libs/ocpp/README.md has the table
 * and the reasoning. Most kinds are the error codes themselves; three exist because 2.0.1 split
 * the meaning of 1.6's FormationViolation and added codes 1.6 lacks.
 */
export enum OcppErrorKind {
  /** The action is not known to the receiver. */
  NotImplemented = 'NotImplemented',
  /** The action is known but not supported by the receiver (e.g. sent in the wrong direction). */
  NotSupported = 'NotSupported',
  InternalError = 'InternalError',
  /** Payload for the action is incomplete (1.6 wording). */
  ProtocolError = 'ProtocolError',
  SecurityError = 'SecurityError',
  /** Payload is syntactically incorrect: not a JSON object. */
  FormatViolation = 'FormatViolation',
  /** The frame does not conform to the PDU structure: wrong number of elements. */
  PduStructureViolation = 'PduStructureViolation',
  PropertyConstraintViolation = 'PropertyConstraintViolation',
  OccurrenceConstraintViolation = 'OccurrenceConstraintViolation',
  TypeConstraintViolation = 'TypeConstraintViolation',
  GenericError = 'GenericError',
  /** Not a valid RPC message: not JSON, not an array, messageId or action unreadable. */
  RpcFrameworkError = 'RpcFrameworkError',
  /** A message type number other than 2, 3 or 4. */
  MessageTypeNotSupported = 'MessageTypeNotSupported',
}
