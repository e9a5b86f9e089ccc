import { Problem } from '@app/runtime';
import { type ApiResult, OperatorApiError } from '../operator-api.error';
import { problemOf } from '../api-answer';

export enum DeviceModelApiErrorCode {
  reportNotFound = 'report-not-found',
  credentialNeedsAdmin = 'credential-needs-admin',
  invalidVariableName = 'invalid-variable-name',
}

const statusOf: Readonly<Record<DeviceModelApiErrorCode, number>> = {
  [DeviceModelApiErrorCode.reportNotFound]: 404,
  [DeviceModelApiErrorCode.credentialNeedsAdmin]: 403,
  [DeviceModelApiErrorCode.invalidVariableName]: 422,
};

/** Why a device-model request cannot be carried out, beyond the operator API's shared errors. */
export class DeviceModelApiError extends Error {
  constructor(
    readonly code: DeviceModelApiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DeviceModelApiError';
  }
}

export type DeviceModelResult<T> = ApiResult<T> | { ok: false; error: DeviceModelApiError };

export const refused = <T>(code: DeviceModelApiErrorCode, message: string): DeviceModelResult<T> => ({ ok: false, error: new DeviceModelApiError(code, message) });

/** The value, or the error as a problem answer: the one place where device-model codes meet HTTP. */
export function deviceModelAnswer<T>(result: DeviceModelResult<T>): T {
  if (result.ok) return result.value;
  if (result.error instanceof OperatorApiError) throw problemOf(result.error);
  throw new Problem({ status: statusOf[result.error.code], code: result.error.code, detail: result.error.message });
}
