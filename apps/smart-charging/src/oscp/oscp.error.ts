import { type FieldError, Problem, fieldErrorsDetail } from '@app/runtime';

export enum OscpErrorCode {
  unauthenticated = 'oscp-unauthenticated',
  unknownGroup = 'oscp-unknown-group',
  invalidMessage = 'oscp-invalid-message',
  unsupportedVersion = 'oscp-unsupported-version',
  providerNotFound = 'oscp-provider-not-found',
  providerExists = 'oscp-provider-exists',
  nodeNotFound = 'oscp-node-not-found',
}

/** Why an OSCP message or a registry change is refused; `oscpProblemOf` maps the code to HTTP. */
export class OscpError extends Error {
  constructor(
    readonly code: OscpErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'OscpError';
  }
}

export type OscpResult<T> = { ok: true; value: T } | { ok: false; error: OscpError };

export const succeeded = <T>(value: T): OscpResult<T> => ({ ok: true, value });

export const failed = <T>(code: OscpErrorCode, message: string, details?: Record<string, unknown>): OscpResult<T> => ({ ok: false, error: new OscpError(code, message, details) });

export const invalidMessage = <T>(errors: readonly FieldError[]): OscpResult<T> => failed(OscpErrorCode.invalidMessage, fieldErrorsDetail(errors), { errors });

const statusOf: Readonly<Record<OscpErrorCode, number>> = {
  [OscpErrorCode.unauthenticated]: 401,
  [OscpErrorCode.unknownGroup]: 404,
  [OscpErrorCode.invalidMessage]: 400,
  [OscpErrorCode.unsupportedVersion]: 400,
  [OscpErrorCode.providerNotFound]: 404,
  [OscpErrorCode.providerExists]: 409,
  [OscpErrorCode.nodeNotFound]: 400,
};

export function oscpProblemOf(error: OscpError): Problem {
  const headers: Record<string, string> = error.code === OscpErrorCode.unauthenticated ? { 'WWW-Authenticate': 'Token' } : {};
  return new Problem({ status: statusOf[error.code], code: error.code, detail: error.message, extensions: error.details, headers });
}

/** The value of a result, or its error as a problem answer. */
export function oscpAnswer<T>(result: OscpResult<T>): T {
  if (result.ok) return result.value;
  throw oscpProblemOf(result.error);
}
