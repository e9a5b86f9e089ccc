import type { OcppVersion } from '../ocpp-version';
import { truncateDescription } from './error-description';
import { errorCodeOf, kindOfErrorCode } from './ocpp-error-codes';
import { OcppErrorKind } from './ocpp-error-kind';

export type ErrorDetails = Record<string, unknown>;

/** `local`: raised on this side (validation, a handler); `peer`: received in a CALLERROR. */
export type OcppRpcErrorOrigin = 'local' | 'peer';

/**
 * An OCPP-J RPC error: what a CALLERROR carries. Handlers throw it to answer a CALL with a
 * specific code; `RpcSession.call` rejects with it when the peer answers with a CALLERROR.
 */
export class OcppRpcError extends Error {
  readonly description: string;
  readonly origin: OcppRpcErrorOrigin;
  /** The errorCode exactly as the peer sent it (for `origin: 'peer'`). */
  readonly peerCode: string | undefined;

  constructor(
    readonly kind: OcppErrorKind,
    description: string,
    readonly details: ErrorDetails = {},
    options: { origin?: OcppRpcErrorOrigin; peerCode?: string } = {},
  ) {
    const trimmed = truncateDescription(description);
    super(`${kind}: ${trimmed}`);
    this.name = 'OcppRpcError';
    this.description = trimmed;
    this.origin = options.origin ?? 'local';
    this.peerCode = options.peerCode;
  }

  /** The errorCode for this error in `version`'s vocabulary. */
  codeIn(version: OcppVersion): string {
    return errorCodeOf(version, this.kind);
  }

  /** The error a peer reported in a CALLERROR; an errorCode no version defines reads as GenericError. */
  static fromCallError(errorCode: string, errorDescription: string, errorDetails: ErrorDetails): OcppRpcError {
    const kind = kindOfErrorCode(errorCode) ?? OcppErrorKind.GenericError;
    return new OcppRpcError(kind, errorDescription, errorDetails, { origin: 'peer', peerCode: errorCode });
  }
}
