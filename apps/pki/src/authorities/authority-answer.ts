import { Problem } from '@app/runtime';
import { CaRegistryError, CaRegistryErrorCode } from './ca-registry.error';

/** The HTTP status of each registry error: the one place where its codes meet HTTP. */
const STATUS: Readonly<Record<CaRegistryErrorCode, number>> = {
  [CaRegistryErrorCode.notFound]: 404,
  [CaRegistryErrorCode.nameTaken]: 409,
  [CaRegistryErrorCode.invalidParent]: 422,
  [CaRegistryErrorCode.notIssuing]: 409,
  [CaRegistryErrorCode.invalidCertificate]: 422,
  [CaRegistryErrorCode.invalidKey]: 422,
  [CaRegistryErrorCode.keyStoreUnavailable]: 503,
};

/** Runs a registry use case; its CaRegistryError becomes a problem answer. */
export async function authorityAnswer<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof CaRegistryError) throw new Problem({ status: STATUS[error.code], code: error.code, detail: error.message });
    throw error;
  }
}
