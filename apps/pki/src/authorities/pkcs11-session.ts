import type * as Pkcs11 from 'pkcs11js';
import { CaKeyError, CaKeyErrorCode } from './ca-key.error';

export type Pkcs11Module = typeof Pkcs11;

/** Where a CA key lives in an HSM: the vendor's PKCS#11 library, the token, and the user PIN. */
export interface Pkcs11TokenOptions {
  /** Path of the PKCS#11 library, e.g. /usr/lib/softhsm/libsofthsm2.so. */
  readonly library: string;
  readonly tokenLabel: string;
  /** The token's user PIN (a secret: never logged, never in an error). */
  readonly pin: string;
}

/** An open, logged-in session on a token, with the loaded module's constants at hand. */
export interface Pkcs11Session {
  readonly module: Pkcs11Module;
  readonly pkcs11: Pkcs11.PKCS11;
  readonly handle: Buffer;
}

// A PKCS#11 library may be initialised once per process; every signer on it shares that.
const initialised = new Map<string, Pkcs11.PKCS11>();

/**
 * Opens a read-write session on the token labelled `tokenLabel` and logs the user in. pkcs11js is
 * an optional, natively built dependency, so it is loaded here, on first use, and its absence is a
 * CaKeyError rather than a crash at start-up for deployments that keep their keys in files.
 */
export async function openPkcs11Session(options: Pkcs11TokenOptions): Promise<Pkcs11Session> {
  const module = await loadModule();
  const pkcs11 = initialise(module, options.library);
  const slot = pkcs11.C_GetSlotList(true).find((candidate) => pkcs11.C_GetTokenInfo(candidate).label.trim() === options.tokenLabel);
  if (!slot) throw new CaKeyError(CaKeyErrorCode.tokenNotFound, `no PKCS#11 token labelled "${options.tokenLabel}" in ${options.library}`);
  const handle = pkcs11.C_OpenSession(slot, module.CKF_SERIAL_SESSION | module.CKF_RW_SESSION);
  try {
    pkcs11.C_Login(handle, module.CKU_USER, options.pin);
  } catch (error) {
    const code = (error as { code?: number }).code;
    // Login state is per token and process: a second signer on the same token finds it logged in.
    if (code !== module.CKR_USER_ALREADY_LOGGED_IN) {
      pkcs11.C_CloseSession(handle);
      throw new CaKeyError(CaKeyErrorCode.wrongPin, `the PKCS#11 token "${options.tokenLabel}" refused the user PIN (${pkcs11ErrorName(error)})`);
    }
  }
  return { module, pkcs11, handle };
}

/** The one object of `template`, or a keyNotFound CaKeyError when there is none or several. */
export function findOne(session: Pkcs11Session, template: Pkcs11.Template, what: string): Buffer {
  const { pkcs11, handle } = session;
  pkcs11.C_FindObjectsInit(handle, template);
  try {
    const found = pkcs11.C_FindObjects(handle, 2);
    if (found.length !== 1) throw new CaKeyError(CaKeyErrorCode.keyNotFound, `${found.length === 0 ? 'no' : 'more than one'} ${what}`);
    return found[0] as Buffer;
  } finally {
    pkcs11.C_FindObjectsFinal(handle);
  }
}

/** The name of a PKCS#11 failure (CKR_...), never its arguments. */
export function pkcs11ErrorName(error: unknown): string {
  const message = (error as { message?: string }).message ?? '';
  return /CKR_[A-Z_]+/.exec(message)?.[0] ?? 'unknown PKCS#11 error';
}

async function loadModule(): Promise<Pkcs11Module> {
  try {
    return await import('pkcs11js');
  } catch (error) {
    throw new CaKeyError(CaKeyErrorCode.libraryUnavailable, `the pkcs11js module is not installed or did not build (${(error as { code?: string }).code ?? 'unknown'})`);
  }
}

function initialise(module: Pkcs11Module, library: string): Pkcs11.PKCS11 {
  const existing = initialised.get(library);
  if (existing) return existing;
  const pkcs11 = new module.PKCS11();
  try {
    pkcs11.load(library);
    pkcs11.C_Initialize();
  } catch (error) {
    if ((error as { code?: number }).code !== module.CKR_CRYPTOKI_ALREADY_INITIALIZED) {
      throw new CaKeyError(CaKeyErrorCode.libraryUnavailable, `cannot load the PKCS#11 library ${library} (${pkcs11ErrorName(error)})`);
    }
  }
  initialised.set(library, pkcs11);
  return pkcs11;
}
