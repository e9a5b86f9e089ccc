import { isKnownAction, maySend } from '../catalogue/action.catalogue';
import { OcppErrorKind } from '../errors/ocpp-error-kind';
import { OcppRpcError } from '../errors/ocpp-rpc.error';
import type { OcppVersion, Side } from '../ocpp-version';
import { compiledValidatorOf, type MessageKind } from './compiled-validators';
import { schemaViolationOf } from './schema-violation.mapper';

export type ValidationResult = { readonly ok: true } | { readonly ok: false; readonly error: OcppRpcError };

const valid: ValidationResult = { ok: true };

const sideNames: Readonly<Record<Side, string>> = { csms: 'the CSMS', station: 'a charging station' };

function invalid(error: OcppRpcError): ValidationResult {
  return { ok: false, error };
}

function unknownAction(version: OcppVersion, action: string): OcppRpcError {
  return new OcppRpcError(OcppErrorKind.NotImplemented, `action ${action} is not defined in OCPP ${version}`);
}

function validatePayload(version: OcppVersion, action: string, kind: MessageKind, payload: unknown): ValidationResult {
  const validator = compiledValidatorOf(version, action, kind);
  if (validator === undefined) return invalid(unknownAction(version, action));
  if (validator(payload)) return valid;
  const first = validator.errors?.[0];
  return invalid(first ? schemaViolationOf(first) : new OcppRpcError(OcppErrorKind.GenericError, `${action} ${kind} does not match its schema`));
}

/** Checks a request payload against the OCA schema of `action` (NotImplemented for an unknown action). */
export function validateRequest(version: OcppVersion, action: string, payload: unknown): ValidationResult {
  return validatePayload(version, action, 'request', payload);
}

/** Checks a response payload against the OCA schema of `action` (NotImplemented for an unknown action). */
export function validateResponse(version: OcppVersion, action: string, payload: unknown): ValidationResult {
  return validatePayload(version, action, 'response', payload);
}

/**
 * Everything a receiver checks about a CALL from `sender`, in this order: the action exists in
 * the version (else NotImplemented), `sender` is the side that initiates it (else NotSupported),
 * the payload matches the request schema (else the constraint's code).
 */
export function validateCall(version: OcppVersion, sender: Side, action: string, payload: unknown): ValidationResult {
  if (!isKnownAction(version, action)) return invalid(unknownAction(version, action));
  if (!maySend(version, sender, action)) {
    const receiver: Side = sender === 'csms' ? 'station' : 'csms';
    return invalid(new OcppRpcError(OcppErrorKind.NotSupported, `${action} is sent by ${sideNames[receiver]}, not by ${sideNames[sender]}`));
  }
  return validateRequest(version, action, payload);
}
